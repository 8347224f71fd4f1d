package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.api.common.state.AggregatingStateDescriptor;
import dev.eddy.api.common.state.ReducingStateDescriptor;
import dev.eddy.api.common.state.State;
import dev.eddy.api.common.state.StateDescriptor;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.state.KeyedStateBackend;
import java.util.HashMap;
import java.util.Map;

/**
 * Keyed state of one keyed operator of one subtask, kept in hash maps organised by key group.
 * The subtask owns {@code computeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, index)};
 * setting a key outside that range is an error (it means records were partitioned wrongly).
 * One state table per state name holds the values of every kind (value, list, map, reducing,
 * aggregating); values are stored by reference. Task thread only.
 */
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {
    private final TypeSerializer<K> keySerializer;
    private final int maxParallelism;
    private final KeyGroupRange keyGroupRange;
    private final Map<String, StateEntry> states = new HashMap<>();
    private K currentKey;
    private int currentKeyGroup = -1;

    /** @param keySerializer may be null when the key type is unknown (needed only for snapshots later) */
    public HeapKeyedStateBackend(TypeSerializer<K> keySerializer, int maxParallelism, KeyGroupRange keyGroupRange) {
        if (maxParallelism <= 0) {
            throw new IllegalArgumentException("Max parallelism must be > 0, was " + maxParallelism);
        }
        this.keySerializer = keySerializer;
        this.maxParallelism = maxParallelism;
        this.keyGroupRange = keyGroupRange;
    }

    /** The backend of subtask {@code subtaskIndex} of {@code parallelism}. */
    public static <K> HeapKeyedStateBackend<K> forSubtask(TypeSerializer<K> keySerializer, int maxParallelism, int parallelism, int subtaskIndex) {
        return new HeapKeyedStateBackend<>(keySerializer, maxParallelism,
                KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, subtaskIndex));
    }

    @Override
    public void setCurrentKey(K key) {
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalStateException("Key '" + key + "' belongs to key group " + keyGroup + ", which is not in this subtask's "
                    + keyGroupRange + " (max parallelism " + maxParallelism + "). The key selector must be deterministic and the"
                    + " key's hashCode must not depend on object identity (e.g. do not key by an enum's or array's hashCode).");
        }
        this.currentKey = key;
        this.currentKeyGroup = keyGroup;
    }

    @Override
    public K getCurrentKey() {
        return currentKey;
    }

    K requireCurrentKey() {
        if (currentKey == null) {
            throw new IllegalStateException("No current key: keyed state is accessible only while processing a keyed record or timer");
        }
        return currentKey;
    }

    @Override
    public int getCurrentKeyGroupIndex() {
        return currentKeyGroup;
    }

    @Override
    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    /** The total number of key groups (the max parallelism), as in Flink. */
    @Override
    public int getNumberOfKeyGroups() {
        return maxParallelism;
    }

    public TypeSerializer<K> getKeySerializer() {
        return keySerializer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends State, T> S getPartitionedState(StateDescriptor<S, T> descriptor) {
        StateEntry existing = states.get(descriptor.getName());
        if (existing != null) {
            if (existing.type != descriptor.getType()) {
                throw new IllegalStateException("State '" + descriptor.getName() + "' was registered as " + existing.type
                        + " state and is now requested as " + descriptor.getType() + " state; use a different name");
            }
            return (S) existing.state;
        }
        StateTable<K, Object> table = new StateTable<>(keyGroupRange);
        State state = createState(descriptor, table);
        states.put(descriptor.getName(), new StateEntry(descriptor.getType(), state, table));
        return (S) state;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private State createState(StateDescriptor<?, ?> descriptor, StateTable<K, Object> table) {
        CurrentKeyEntry entry = new CurrentKeyEntry<>(this, table);
        switch (descriptor.getType()) {
            case VALUE:
                return new HeapValueState<>(this, table);
            case LIST:
                return new HeapListState<>(entry);
            case MAP:
                return new HeapMapState<>(entry);
            case REDUCING:
                return new HeapReducingState<>(entry, ((ReducingStateDescriptor) descriptor).getReduceFunction());
            case AGGREGATING:
                return new HeapAggregatingState<>(entry, ((AggregatingStateDescriptor) descriptor).getAggregateFunction());
            default:
                throw new UnsupportedOperationException(descriptor.getType() + " state ('" + descriptor.getName()
                        + "') is not supported by the heap backend");
        }
    }

    /** The table of a registered state, for snapshots and tests; null when unknown. */
    public StateTable<K, ?> getStateTable(String stateName) {
        StateEntry e = states.get(stateName);
        return e == null ? null : e.table;
    }

    @Override
    public void dispose() {
        states.clear();
        currentKey = null;
        currentKeyGroup = -1;
    }

    private final class StateEntry {
        final StateDescriptor.Type type;
        final State state;
        final StateTable<K, ?> table;

        StateEntry(StateDescriptor.Type type, State state, StateTable<K, ?> table) {
            this.type = type;
            this.state = state;
            this.table = table;
        }
    }
}
