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
 *     byte flags       ({@link #FLAG_TTL} 1: every value/element/map value is preceded by long lastAccessTimestamp;
 *                       {@link #FLAG_NAMESPACED} 2: every entry's key is followed by its namespace)
 *     int  byteLength  (of the entries below, so a reader can keep or skip a state it has not seen yet)
 *     entries:
 *       int numEntries
 *       numEntries × entry:
 *         key                      (the backend's key serializer)
 *         [namespace]              (with FLAG_NAMESPACED: the namespace serializer the state is registered with)
 *         VALUE/REDUCING:          value (the descriptor's serializer)
 *         AGGREGATING:             accumulator (the descriptor's serializer)
 *         LIST:                    int n, n × element
 *         MAP:                     int n, n × (userKey, boolean valueIsNull, [userValue])
 * </pre>
 * With FLAG_TTL the timestamp goes right before the value: {@code key, long ts, value} (VALUE,
 * REDUCING, AGGREGATING), {@code long ts, element} per list element, and
 * {@code userKey, long ts, boolean valueIsNull, [userValue]} per map entry (a null map value has
 * a timestamp too). States with no entry in a key group are left out of it; a key group with no
 * state at all has offset -1.
 * State without namespace ({@code VoidNamespace}) has no FLAG_NAMESPACED and no namespace bytes,
 * so its bytes are those written before namespaces existed (whose flags byte was 0 or 1).
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

    /** Flags bit: values carry a long last-access timestamp (state TTL). */
    public static final byte FLAG_TTL = 1;
    /** Flags bit: entries carry a namespace after the key. */
    public static final byte FLAG_NAMESPACED = 2;
    private static final byte KNOWN_FLAGS = FLAG_TTL | FLAG_NAMESPACED;

    /** The flags byte of a state section. */
    public static byte flags(boolean ttl, boolean namespaced) {
        return (byte) ((ttl ? FLAG_TTL : 0) | (namespaced ? FLAG_NAMESPACED : 0));
    }

    public static boolean hasTtl(byte flags) {
        return (flags & FLAG_TTL) != 0;
    }

    public static boolean isNamespaced(byte flags) {
        return (flags & FLAG_NAMESPACED) != 0;
    }

    /** @throws IllegalStateException for a flags byte with unknown bits (a newer or foreign writer) */
    public static byte checkFlags(byte flags, String stateName) {
        if ((flags & ~KNOWN_FLAGS) != 0) {
            throw new IllegalStateException("State '" + stateName + "' has unknown flags " + flags + " in the snapshot; it was written"
                    + " by a newer or incompatible version");
        }
        return flags;
    }

    /** "with TTL", "namespaced" etc. for messages. */
    public static String describeFlags(byte flags) {
        String s = (hasTtl(flags) ? "with TTL" : "without TTL") + (isNamespaced(flags) ? ", namespaced" : ", without namespace");
        return s;
    }

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
