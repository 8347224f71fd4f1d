package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.api.common.state.AggregatingStateDescriptor;
import dev.eddy.api.common.state.ReducingStateDescriptor;
import dev.eddy.api.common.state.State;
import dev.eddy.api.common.state.StateDescriptor;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.taskmanager.state.KeyedStateChecks;
import dev.eddy.runtime.taskmanager.state.SnapshotableKeyedStateBackend;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.api.common.state.StateTtlConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * Keyed state of one keyed operator of one subtask, kept in hash maps organised by key group.
 * The subtask owns {@code computeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, index)};
 * setting a key outside that range is an error (it means records were partitioned wrongly).
 * One state table per state name holds the values of every kind (value, list, map, reducing,
 * aggregating); values are stored by reference.
 *
 * <p>A state whose descriptor has TTL enabled stores its values (list elements, map entry values)
 * wrapped with their last access timestamp, taken from the backend's clock; see
 * {@link StateTtlConfig}. Its incremental cleanup runs after each access of the state and, if so
 * configured, on every {@link #setCurrentKey} (once per record). Task thread only.
 */
public final class HeapKeyedStateBackend<K> implements SnapshotableKeyedStateBackend<K> {
    private final TypeSerializer<K> keySerializer;
    private final int maxParallelism;
    private final KeyGroupRange keyGroupRange;
    private final Map<String, StateEntry> states = new HashMap<>();
    private final LongSupplier clock;
    private final List<TtlIncrementalCleanup<K>> perRecordCleanups = new ArrayList<>();
    private K currentKey;
    private int currentKeyGroup = -1;

    /** @param keySerializer may be null when the key type is unknown (needed only for snapshots later) */
    public HeapKeyedStateBackend(TypeSerializer<K> keySerializer, int maxParallelism, KeyGroupRange keyGroupRange) {
        this(keySerializer, maxParallelism, keyGroupRange, System::currentTimeMillis);
    }

    /** @param clock processing time in epoch milliseconds for state TTL (tests inject a manual clock) */
    public HeapKeyedStateBackend(TypeSerializer<K> keySerializer, int maxParallelism, KeyGroupRange keyGroupRange,
            LongSupplier clock) {
        if (maxParallelism <= 0) {
            throw new IllegalArgumentException("Max parallelism must be > 0, was " + maxParallelism);
        }
        this.keySerializer = keySerializer;
        this.maxParallelism = maxParallelism;
        this.keyGroupRange = keyGroupRange;
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
    }

    /** The backend of subtask {@code subtaskIndex} of {@code parallelism}. */
    public static <K> HeapKeyedStateBackend<K> forSubtask(TypeSerializer<K> keySerializer, int maxParallelism, int parallelism, int subtaskIndex) {
        return new HeapKeyedStateBackend<>(keySerializer, maxParallelism,
                KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, subtaskIndex));
    }

    /** As {@link #forSubtask(TypeSerializer, int, int, int)} with the given TTL clock. */
    public static <K> HeapKeyedStateBackend<K> forSubtask(TypeSerializer<K> keySerializer, int maxParallelism, int parallelism,
            int subtaskIndex, LongSupplier clock) {
        return new HeapKeyedStateBackend<>(keySerializer, maxParallelism,
                KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, subtaskIndex), clock);
    }

    @Override
    public void setCurrentKey(K key) {
        int keyGroup = KeyedStateChecks.ownedKeyGroup(key, maxParallelism, keyGroupRange);
        this.currentKey = key;
        this.currentKeyGroup = keyGroup;
        for (int i = 0; i < perRecordCleanups.size(); i++) { // per record: no iterator
            perRecordCleanups.get(i).runCleanup();
        }
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
            KeyedStateChecks.requireSameKind(descriptor.getName(), existing.type, descriptor.getType());
            return (S) existing.state;
        }
        StateTable<K, Object> table = new StateTable<>(keyGroupRange);
        StateTtlConfig ttlConfig = descriptor.getTtlConfig();
        State state = ttlConfig != null && ttlConfig.isEnabled()
                ? createTtlState(descriptor, table, ttlConfig) : createState(descriptor, table);
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

    @SuppressWarnings({"unchecked", "rawtypes"})
    private State createTtlState(StateDescriptor<?, ?> descriptor, StateTable<K, Object> table, StateTtlConfig config) {
        StateTtlConfig.IncrementalCleanupStrategy strategy = config.getCleanupStrategies().getIncrementalCleanupStrategy();
        TtlIncrementalCleanup<K> cleanup = strategy == null ? null
                : new TtlIncrementalCleanup<>(table, strategy.getCleanupSize(), strategy.runCleanupForEveryRecord());
        TtlContext ttl = new TtlContext(config, clock, cleanup);
        CurrentKeyEntry entry = new CurrentKeyEntry<>(this, table);
        State state;
        UnaryOperator<Object> filter;
        switch (descriptor.getType()) {
            case VALUE:
                state = new TtlValueState<>(new TtlSingleValueEntry<>(entry, ttl));
                filter = TtlSingleValueEntry.expiryFilter(ttl);
                break;
            case LIST:
                state = new TtlListState<>(entry, ttl);
                filter = TtlListState.expiryFilter(ttl);
                break;
            case MAP:
                state = new TtlMapState<>(entry, ttl);
                filter = TtlMapState.expiryFilter(ttl);
                break;
            case REDUCING:
                state = new HeapReducingState<>(new TtlSingleValueEntry<>(entry, ttl),
                        ((ReducingStateDescriptor) descriptor).getReduceFunction());
                filter = TtlSingleValueEntry.expiryFilter(ttl);
                break;
            case AGGREGATING:
                state = new HeapAggregatingState<>(new TtlSingleValueEntry<>(entry, ttl),
                        ((AggregatingStateDescriptor) descriptor).getAggregateFunction());
                filter = TtlSingleValueEntry.expiryFilter(ttl);
                break;
            default:
                throw new UnsupportedOperationException(descriptor.getType() + " state ('" + descriptor.getName()
                        + "') with TTL is not supported by the heap backend");
        }
        if (cleanup != null) {
            cleanup.setExpiryFilter(filter);
            if (cleanup.runForEveryRecord()) {
                perRecordCleanups.add(cleanup);
            }
        }
        return state;
    }

    /** The table of a registered state, for snapshots and tests; null when unknown. */
    public StateTable<K, ?> getStateTable(String stateName) {
        StateEntry e = states.get(stateName);
        return e == null ? null : e.table;
    }

    @Override
    public void dispose() {
        states.clear();
        perRecordCleanups.clear();
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

    @Override
    public dev.eddy.runtime.taskmanager.checkpoint.AsyncSnapshot<dev.eddy.proto.KeyedStateHandleProto> snapshot(long checkpointId,
            dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions options,
            dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory streams) throws Exception {
        throw new UnsupportedOperationException("STUB: snapshots of HeapKeyedStateBackend are not implemented yet");
    }

    @Override
    public void restore(java.util.List<dev.eddy.proto.KeyedStateHandleProto> handles, java.nio.file.Path baseDirectory) throws Exception {
        throw new UnsupportedOperationException("STUB: restore of HeapKeyedStateBackend is not implemented yet");
    }
}
