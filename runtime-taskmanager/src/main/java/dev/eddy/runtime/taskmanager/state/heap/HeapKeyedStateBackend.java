package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.api.common.state.AggregatingStateDescriptor;
import dev.eddy.api.common.state.ReducingStateDescriptor;
import dev.eddy.api.common.state.State;
import dev.eddy.api.common.state.StateDescriptor;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.taskmanager.state.KeyGroupStateFormat;
import dev.eddy.runtime.taskmanager.state.KeyedStateChecks;
import dev.eddy.runtime.taskmanager.state.SnapshotableKeyedStateBackend;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.api.common.state.StateTtlConfig;
import dev.eddy.proto.KeyGroupsStateHandleProto;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.runtime.taskmanager.checkpoint.AsyncSnapshot;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory;
import dev.eddy.runtime.taskmanager.state.KeyGroupsFile;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.TreeMap;
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
 * configured, on every {@link #setCurrentKey} (once per record).
 *
 * <p>Snapshots: {@link #snapshot} pins every state's key-group maps (copy-on-write at key-group
 * granularity, see {@link StateTable}) and writes them asynchronously in the canonical format
 * ({@code KeyGroupStateFormat}). {@link #restore} keeps the restored sections of this range's key
 * groups as bytes; a state is decoded at its first {@link #getPartitionedState}, and a snapshot
 * taken before that writes the kept bytes back unchanged. Task thread only, except the returned
 * async snapshot.
 */
public final class HeapKeyedStateBackend<K> implements SnapshotableKeyedStateBackend<K> {
    private final TypeSerializer<K> keySerializer;
    private final int maxParallelism;
    private final KeyGroupRange keyGroupRange;
    private final Map<String, StateEntry> states = new HashMap<>();
    private final LongSupplier clock;
    private final List<TtlIncrementalCleanup<K>> perRecordCleanups = new ArrayList<>();
    private final Map<String, RestoredStateBytes> restoredStates = new HashMap<>();
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
        RestoredStateBytes restored = restoredStates.get(descriptor.getName());
        if (restored != null && restored.kind != KeyGroupStateFormat.kindOf(descriptor.getType())) {
            throw new IllegalStateException("State '" + descriptor.getName() + "' was restored as "
                    + KeyGroupStateFormat.kindName(restored.kind) + " state and is now requested as " + descriptor.getType()
                    + " state; a restored state must keep its kind (use a different name for the new state)");
        }
        StateTable<K, Object> table = new StateTable<>(keyGroupRange);
        HeapStateCodec<K> codec = HeapStateCodec.forDescriptor(descriptor, keySerializer);
        table.setValueCopier(codec::copy);
        StateTtlConfig ttlConfig = descriptor.getTtlConfig();
        State state = ttlConfig != null && ttlConfig.isEnabled()
                ? createTtlState(descriptor, table, ttlConfig) : createState(descriptor, table);
        if (restored != null) {
            decodeRestored(restored, codec, table);
        }
        states.put(descriptor.getName(), new StateEntry(descriptor.getType(), state, table, codec));
        return (S) state;
    }

    private void decodeRestored(RestoredStateBytes restored, HeapStateCodec<K> codec, StateTable<K, Object> table) {
        requireKeySerializer("restore state '" + restored.name + "'");
        long now = clock.getAsLong();
        try {
            for (Map.Entry<Integer, byte[]> e : restored.byKeyGroup.entrySet()) {
                codec.decode(e.getValue(), e.getKey(), table, restored.ttl, now);
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("Could not decode the restored state '" + restored.name + "' ("
                    + KeyGroupStateFormat.kindName(restored.kind) + "): its serializers do not read what was written; did the state's type change?", e);
        }
        restoredStates.remove(restored.name);
    }

    private void requireKeySerializer(String what) {
        if (keySerializer == null) {
            throw new IllegalStateException("The heap keyed state backend of key groups " + keyGroupRange + " cannot " + what
                    + ": it has no key serializer (the operator's state key serializer in its OperatorConfig is null); the job"
                    + " graph must set the key type of keyed operators");
        }
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
        restoredStates.clear();
        perRecordCleanups.clear();
        currentKey = null;
        currentKeyGroup = -1;
    }

    private final class StateEntry {
        final StateDescriptor.Type type;
        final State state;
        final StateTable<K, ?> table;

        final HeapStateCodec<K> codec;

        StateEntry(StateDescriptor.Type type, State state, StateTable<K, ?> table, HeapStateCodec<K> codec) {
            this.type = type;
            this.state = state;
            this.table = table;
            this.codec = codec;
        }
    }

    /**
     * Synchronous part: pins every state's key-group maps (copy-on-write from now on) and
     * duplicates the serializers; the returned part writes the canonical format. Null handle when
     * the backend holds no entry at all (then no key serializer is needed either).
     */
    @Override
    @SuppressWarnings("unchecked")
    public AsyncSnapshot<KeyedStateHandleProto> snapshot(long checkpointId, CheckpointOptions options, CheckpointStreamFactory streams) {
        if (restoredStates.isEmpty() && states.values().stream().allMatch(e -> e.table.size() == 0)) {
            return AsyncSnapshot.done(null);
        }
        requireKeySerializer("take a snapshot for checkpoint " + checkpointId);
        List<HeapSnapshotWriter.FrozenState<K>> frozen = new ArrayList<>();
        for (String name : new TreeMap<>(states).keySet()) {
            StateEntry e = states.get(name);
            frozen.add(new HeapSnapshotWriter.FrozenState<>(e.codec.duplicate(), ((StateTable<K, Object>) e.table).pinForSnapshot()));
        }
        List<RestoredStateBytes> undecoded = new ArrayList<>(new TreeMap<>(restoredStates).values());
        return new HeapSnapshotWriter<>(keyGroupRange, frozen, undecoded, streams,
                "keyed-chk" + checkpointId + "-kg" + keyGroupRange.getStartKeyGroup() + "-" + keyGroupRange.getEndKeyGroup());
    }

    /**
     * Keeps the sections of the key groups of this backend's range from canonical-format handles;
     * each state is decoded when first requested. Before any state access.
     */
    @Override
    public void restore(List<KeyedStateHandleProto> handles, Path baseDirectory) throws Exception {
        if (!states.isEmpty()) {
            throw new IllegalStateException("Restore of the heap keyed state backend of " + keyGroupRange
                    + " must come before any state is created; states " + states.keySet() + " already exist");
        }
        for (KeyGroupsStateHandleProto h : KeyGroupsFile.canonicalHandles(handles, "heap")) {
            KeyGroupsFile.readKeyGroups(h, baseDirectory, keyGroupRange, (kg, in) -> readKeyGroup(kg, in, h.getPath()));
        }
    }

    private void readKeyGroup(int keyGroup, DataInputStream in, String path) throws IOException {
        int numStates = in.readInt();
        for (int i = 0; i < numStates; i++) {
            String name = in.readUTF();
            byte kind = in.readByte();
            boolean ttl = in.readByte() != 0;
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            RestoredStateBytes r = restoredStates.computeIfAbsent(name, n -> new RestoredStateBytes(n, kind, ttl));
            if (r.kind != kind || r.ttl != ttl) {
                throw new IllegalStateException("State '" + name + "' in " + path + " is " + KeyGroupStateFormat.kindName(kind)
                        + (ttl ? " with TTL" : "") + " but another file has it as " + KeyGroupStateFormat.kindName(r.kind)
                        + (r.ttl ? " with TTL" : "") + "; the restored checkpoint is inconsistent");
            }
            r.byKeyGroup.put(keyGroup, bytes);
        }
    }

    /** Names of restored states not yet requested (their bytes are kept undecoded); for tests. */
    public java.util.Set<String> getUndecodedStateNames() {
        return java.util.Collections.unmodifiableSet(restoredStates.keySet());
    }
}
