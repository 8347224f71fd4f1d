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
import dev.eddy.runtime.state.KeyedStateFunction;
import dev.eddy.runtime.state.VoidNamespace;
import dev.eddy.runtime.state.VoidNamespaceSerializer;
import dev.eddy.runtime.state.internal.InternalKvState;
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
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Keyed state of one keyed operator of one subtask, kept in hash maps organised by key group.
 * The subtask owns {@code computeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, index)};
 * setting a key outside that range is an error (it means records were partitioned wrongly).
 * One state table per state name holds the values of every kind (value, list, map, reducing,
 * aggregating); values are stored by reference. State registered with a namespace serializer
 * other than {@code VoidNamespaceSerializer} (e.g. window state) is keyed by (key, namespace) in
 * its table ({@link KeyNamespaceMap}), and written as key, then namespace, in
 * snapshots (with the section flag {@code FLAG_NAMESPACED}); state without namespaces has the
 * namespace null in its table and keeps the bytes it had before namespaces existed.
 *
 * <p>A state whose descriptor has TTL enabled stores its values (list elements, map entry values)
 * wrapped with their last access timestamp, taken from the backend's clock; see
 * {@link StateTtlConfig}. Its incremental cleanup runs after each access of the state and, if so
 * configured, on every {@link #setCurrentKey} (once per record); with cleanupFullSnapshot,
 * snapshots leave out what has expired at the time of the snapshot.
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
    private final List<TtlIncrementalCleanup<Object>> perRecordCleanups = new ArrayList<>();
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
        S state = getOrCreateKeyedState(VoidNamespaceSerializer.INSTANCE, descriptor);
        ((InternalKvState<K, VoidNamespace, ?>) state).setCurrentNamespace(VoidNamespace.INSTANCE);
        return state;
    }

    /**
     * The state of {@code descriptor} in namespaces of {@code namespaceSerializer}'s type (see
     * {@link KeyedStateBackend#getOrCreateKeyedState}); {@link VoidNamespaceSerializer} gives state
     * without namespaces, keyed by the plain key.
     *
     * @throws IllegalStateException when the name is registered (or restored) as another kind, or
     *     with another namespace serializer
     */
    @Override
    @SuppressWarnings("unchecked")
    public <N, S extends State, T> S getOrCreateKeyedState(TypeSerializer<N> namespaceSerializer, StateDescriptor<S, T> descriptor) {
        java.util.Objects.requireNonNull(namespaceSerializer, "namespaceSerializer");
        String name = descriptor.getName();
        StateEntry existing = states.get(name);
        if (existing != null) {
            KeyedStateChecks.requireSameKind(name, existing.type, descriptor.getType());
            KeyedStateChecks.requireSameNamespaceSerializer(name, existing.namespaceSerializer, namespaceSerializer);
            return (S) existing.state;
        }
        boolean namespaced = !(namespaceSerializer instanceof VoidNamespaceSerializer);
        RestoredStateBytes restored = restoredStates.get(name);
        if (restored != null) {
            checkRestoredMatches(restored, descriptor, namespaced);
        }
        StateTable<Object, Object> table = new StateTable<>(keyGroupRange);
        HeapStateCodec<K> codec = HeapStateCodec.forDescriptor(descriptor, keySerializer, namespaced ? namespaceSerializer : null);
        table.setValueCopier(codec::copy);
        CurrentKeyEntry<K, Object> entry = new CurrentKeyEntry<>(this, table, namespaced, name);
        StateTtlConfig ttlConfig = descriptor.getTtlConfig();
        State state;
        Predicate<Object> live;
        if (ttlConfig != null && ttlConfig.isEnabled()) {
            TtlState ttlState = createTtlState(descriptor, table, entry, ttlConfig);
            state = ttlState.state;
            live = ttlState.live;
        } else {
            state = createState(descriptor, entry);
            live = HeapKeyedStateBackend::nonEmpty;
        }
        if (restored != null) {
            decodeRestored(restored, codec, table);
        }
        states.put(name, new StateEntry(descriptor.getType(), state, table, codec, namespaceSerializer, live));
        return (S) state;
    }

    private static void checkRestoredMatches(RestoredStateBytes restored, StateDescriptor<?, ?> descriptor, boolean namespaced) {
        if (restored.kind != KeyGroupStateFormat.kindOf(descriptor.getType())) {
            throw new IllegalStateException("State '" + descriptor.getName() + "' was restored as "
                    + KeyGroupStateFormat.kindName(restored.kind) + " state and is now requested as " + descriptor.getType()
                    + " state; a restored state must keep its kind (use a different name for the new state)");
        }
        if (KeyGroupStateFormat.isNamespaced(restored.flags) != namespaced) {
            throw new IllegalStateException("State '" + descriptor.getName() + "' was restored "
                    + (namespaced ? "without namespace" : "with namespaces") + " and is now requested "
                    + (namespaced ? "with a namespace serializer" : "without namespace") + "; a restored state must keep"
                    + " whether it is namespaced (use a different name for the new state)");
        }
    }

    private void decodeRestored(RestoredStateBytes restored, HeapStateCodec<K> codec, StateTable<Object, Object> table) {
        requireKeySerializer("restore state '" + restored.name + "'");
        long now = clock.getAsLong();
        try {
            for (Map.Entry<Integer, byte[]> e : restored.byKeyGroup.entrySet()) {
                codec.decode(e.getValue(), e.getKey(), table, KeyGroupStateFormat.hasTtl(restored.flags), now);
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("Could not decode the restored state '" + restored.name + "' ("
                    + KeyGroupStateFormat.kindName(restored.kind) + "): its serializers do not read what was written; did the state's"
                    + " type or namespace type change?", e);
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
    private State createState(StateDescriptor<?, ?> descriptor, CurrentKeyEntry<K, Object> entry) {
        CurrentKeyEntry e = entry;
        switch (descriptor.getType()) {
            case VALUE:
                return new HeapValueState<>(e);
            case LIST:
                return new HeapListState<>(e);
            case MAP:
                return new HeapMapState<>(e);
            case REDUCING:
                return new HeapReducingState<>(e, e, ((ReducingStateDescriptor) descriptor).getReduceFunction());
            case AGGREGATING:
                return new HeapAggregatingState<>(e, e, ((AggregatingStateDescriptor) descriptor).getAggregateFunction());
            default:
                throw new UnsupportedOperationException(descriptor.getType() + " state ('" + descriptor.getName()
                        + "') is not supported by the heap backend");
        }
    }

    /** Without TTL a stored value is visible unless it is an empty list or map (a live map view's remove may leave one). */
    private static boolean nonEmpty(Object stored) {
        if (stored instanceof java.util.Collection<?> c) {
            return !c.isEmpty();
        }
        return !(stored instanceof Map<?, ?> m) || !m.isEmpty();
    }

    /** A state with TTL and the test whether one of its stored values has anything unexpired. */
    private record TtlState(State state, Predicate<Object> live) {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    private TtlState createTtlState(StateDescriptor<?, ?> descriptor, StateTable<Object, Object> table, CurrentKeyEntry<K, Object> entry,
            StateTtlConfig config) {
        StateTtlConfig.IncrementalCleanupStrategy strategy = config.getCleanupStrategies().getIncrementalCleanupStrategy();
        TtlIncrementalCleanup<Object> cleanup = strategy == null ? null
                : new TtlIncrementalCleanup<>(table, strategy.getCleanupSize(), strategy.runCleanupForEveryRecord());
        TtlContext ttl = new TtlContext(config, clock, cleanup);
        CurrentKeyEntry e = entry;
        State state;
        UnaryOperator<Object> filter;
        switch (descriptor.getType()) {
            case VALUE:
                state = new TtlValueState<>(new TtlSingleValueEntry<>(e, ttl), e);
                filter = TtlSingleValueEntry.expiryFilter(ttl);
                break;
            case LIST:
                state = new TtlListState<>(e, ttl);
                filter = TtlListState.expiryFilter(ttl);
                break;
            case MAP:
                state = new TtlMapState<>(e, ttl);
                filter = TtlMapState.expiryFilter(ttl);
                break;
            case REDUCING:
                state = new HeapReducingState<>(new TtlSingleValueEntry<>(e, ttl), e,
                        ((ReducingStateDescriptor) descriptor).getReduceFunction());
                filter = TtlSingleValueEntry.expiryFilter(ttl);
                break;
            case AGGREGATING:
                state = new HeapAggregatingState<>(new TtlSingleValueEntry<>(e, ttl), e,
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
        return new TtlState(state, ttl.liveness(descriptor.getType()));
    }

    /**
     * Collects the keys that have an entry of the state in {@code namespace} first (reading the
     * key-group maps without copying pinned ones), then for each key sets it as the current key
     * and, if its entry is still there and visible (TTL), calls {@code function}; so the function
     * may update or clear the state, and per-record TTL cleanup may run, while keys are visited.
     * See {@link KeyedStateBackend#applyToAllKeys}. Task thread only.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <N, S extends State, T> void applyToAllKeys(N namespace, TypeSerializer<N> namespaceSerializer,
            StateDescriptor<S, T> descriptor, KeyedStateFunction<K, S> function) throws Exception {
        java.util.Objects.requireNonNull(namespace, "namespace");
        java.util.Objects.requireNonNull(function, "function");
        S state = getPartitionedState(namespace, namespaceSerializer, descriptor);
        StateEntry e = states.get(descriptor.getName());
        List<K> keys = keysWithEntries(e, namespace);
        K previousKey = currentKey;
        int previousKeyGroup = currentKeyGroup;
        try {
            for (K key : keys) {
                setCurrentKey(key);
                Object stored = e.table.get(currentKeyGroup, key, e.namespaced() ? namespace : null);
                if (stored != null && e.live.test(stored)) {
                    function.process(key, state);
                }
            }
        } finally {
            currentKey = previousKey;
            currentKeyGroup = previousKeyGroup;
        }
    }

    /** The keys with an entry of {@code e} in {@code namespace}, key group by key group. */
    @SuppressWarnings("unchecked")
    private List<K> keysWithEntries(StateEntry e, Object namespace) {
        List<K> keys = new ArrayList<>();
        boolean namespaced = e.namespaced();
        for (int kg = keyGroupRange.getStartKeyGroup(); kg <= keyGroupRange.getEndKeyGroup(); kg++) {
            e.table.getKeyGroup(kg).forEach((key, ns, value) -> {
                if (!namespaced || namespace.equals(ns)) {
                    keys.add((K) key);
                }
            });
        }
        return keys;
    }

    /**
     * The table of a registered state, for snapshots and tests; null when unknown. State without
     * namespaces has the namespace {@code null} in it.
     */
    public StateTable<?, ?> getStateTable(String stateName) {
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
        final StateTable<Object, Object> table;
        final HeapStateCodec<K> codec;
        final TypeSerializer<?> namespaceSerializer;
        /** Whether a stored (non-null) value is visible: always without TTL, else while something is unexpired. */
        final Predicate<Object> live;

        StateEntry(StateDescriptor.Type type, State state, StateTable<Object, Object> table, HeapStateCodec<K> codec,
                TypeSerializer<?> namespaceSerializer, Predicate<Object> live) {
            this.type = type;
            this.state = state;
            this.table = table;
            this.codec = codec;
            this.namespaceSerializer = namespaceSerializer;
            this.live = live;
        }

        boolean namespaced() {
            return !(namespaceSerializer instanceof VoidNamespaceSerializer);
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
        long now = clock.getAsLong();
        for (String name : new TreeMap<>(states).keySet()) {
            StateEntry e = states.get(name);
            frozen.add(new HeapSnapshotWriter.FrozenState<>(e.codec.duplicate(), e.table.pinForSnapshot(), now));
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
            byte flags = KeyGroupStateFormat.checkFlags(in.readByte(), name);
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            RestoredStateBytes r = restoredStates.computeIfAbsent(name, n -> new RestoredStateBytes(n, kind, flags));
            if (r.kind != kind || r.flags != flags) {
                throw new IllegalStateException("State '" + name + "' in " + path + " is " + KeyGroupStateFormat.kindName(kind)
                        + " (" + KeyGroupStateFormat.describeFlags(flags) + ") but another file has it as "
                        + KeyGroupStateFormat.kindName(r.kind) + " (" + KeyGroupStateFormat.describeFlags(r.flags)
                        + "); the restored checkpoint is inconsistent");
            }
            r.byKeyGroup.put(keyGroup, bytes);
        }
    }

    /** Names of restored states not yet requested (their bytes are kept undecoded); for tests. */
    public java.util.Set<String> getUndecodedStateNames() {
        return java.util.Collections.unmodifiableSet(restoredStates.keySet());
    }
}
