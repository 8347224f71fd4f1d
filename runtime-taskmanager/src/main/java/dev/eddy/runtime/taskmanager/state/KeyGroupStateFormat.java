package dev.eddy.runtime.taskmanager.state;

import dev.eddy.api.common.state.StateDescriptor;

/**
 * The canonical, backend-independent format of keyed state (heap checkpoints, all savepoints;
 * what RocksDB writes for savepoints and reads when rescaling). Big-endian {@code DataOutput}.
 *
 * <p>A file covers the key-group range of one subtask; {@code KeyGroupsStateHandleProto.offsets}
 * gives where each key group starts (-1 when it has nothing). A key group is:
 * <pre>
 *   int numStates
 *   numStates × state section:
 *     UTF  stateName
 *     byte kind        ({@link #VALUE} {@link #LIST} {@link #MAP} {@link #REDUCING} {@link #AGGREGATING})
 *     byte ttl         (1: every value/element/map value is preceded by long lastAccessTimestamp)
 *     int  byteLength  (of the entries below, so a reader can keep or skip a state it has not seen yet)
 *     entries:
 *       int numEntries
 *       numEntries × entry:
 *         key                      (the backend's key serializer)
 *         VALUE/REDUCING:          value (the descriptor's serializer)
 *         AGGREGATING:             accumulator (the descriptor's serializer)
 *         LIST:                    int n, n × element
 *         MAP:                     int n, n × (userKey, boolean valueIsNull, [userValue])
 * </pre>
 * With ttl 1 the timestamp goes right before the value: {@code key, long ts, value} (VALUE,
 * REDUCING, AGGREGATING), {@code long ts, element} per list element, and
 * {@code userKey, long ts, boolean valueIsNull, [userValue]} per map entry (a null map value has
 * a timestamp too). States with no entry in a key group are left out of it; a key group with no
 * state at all has offset -1.
 * A backend restoring a state it has not seen the descriptor of yet keeps the section's bytes and
 * decodes them at the first {@code getPartitionedState} with that name; a snapshot taken before
 * that writes the kept bytes back unchanged.
 *
 * <p>Raw keyed state (operator-written, e.g. timers) uses separate files with the same offsets
 * scheme; each key group's bytes are whatever the operator wrote after {@code startNewKeyGroup}.
 */
public final class KeyGroupStateFormat {
    private KeyGroupStateFormat() {}

    public static final byte VALUE = 0;
    public static final byte LIST = 1;
    public static final byte MAP = 2;
    public static final byte REDUCING = 3;
    public static final byte AGGREGATING = 4;

    /** The kind byte of a descriptor type. */
    public static byte kindOf(StateDescriptor.Type type) {
        return switch (type) {
            case VALUE -> VALUE;
            case LIST -> LIST;
            case MAP -> MAP;
            case REDUCING -> REDUCING;
            case AGGREGATING -> AGGREGATING;
        };
    }

    /** @throws IllegalStateException for a byte that is no kind (a corrupt or foreign file) */
    public static StateDescriptor.Type typeOf(byte kind, String stateName) {
        return switch (kind) {
            case VALUE -> StateDescriptor.Type.VALUE;
            case LIST -> StateDescriptor.Type.LIST;
            case MAP -> StateDescriptor.Type.MAP;
            case REDUCING -> StateDescriptor.Type.REDUCING;
            case AGGREGATING -> StateDescriptor.Type.AGGREGATING;
            default -> throw new IllegalStateException("State '" + stateName + "' has unknown kind byte " + kind
                    + " in the snapshot; the file is corrupt or was written by an incompatible version");
        };
    }

    /** The kind's type name for messages ("unknown kind n" for a byte that is no kind). */
    public static String kindName(byte kind) {
        return kind >= VALUE && kind <= AGGREGATING ? typeOf(kind, "").name() : "unknown kind " + kind;
    }
}
