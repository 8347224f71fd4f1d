package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.runtime.taskmanager.state.KeyGroupStateFormat;
import dev.eddy.api.common.state.AggregatingStateDescriptor;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.ReducingStateDescriptor;
import dev.eddy.api.common.state.State;
import dev.eddy.api.common.state.StateDescriptor;
import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.proto.IncrementalStateHandleProto;
import dev.eddy.proto.KeyGroupsStateHandleProto;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.runtime.state.KeyedStateFunction;
import dev.eddy.runtime.state.VoidNamespace;
import dev.eddy.runtime.state.VoidNamespaceSerializer;
import dev.eddy.runtime.state.internal.InternalKvState;
import dev.eddy.api.common.state.StateTtlConfig;
import dev.eddy.runtime.taskmanager.checkpoint.AsyncSnapshot;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory;
import dev.eddy.runtime.taskmanager.state.KeyedStateChecks;
import dev.eddy.runtime.taskmanager.state.SnapshotableKeyedStateBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed state of one keyed operator of one subtask in an embedded RocksDB instance, so state can
 * be larger than the heap. The backend lives in its own fresh directory (the instance in {@code db/},
 * native checkpoints in {@code chk-*}, restore scratch space in {@code restore-*}), which
 * {@link #dispose()} deletes. Each state name gets a column family; the default column family is a
 * catalog of state name → {@link ColumnMeta} (kind byte, plus flags and namespace length for
 * namespaced or TTL state). A RocksDB key is the key group (2 bytes, big endian) followed by the
 * serialized current key, the serialized current namespace of namespaced state (nothing for
 * {@code VoidNamespace}, so keys of plain state are as before namespaces existed) and, for map
 * state, the serialized user key. Values are serialized with the state descriptor's serializers;
 * with TTL each value, list element and map value is preceded by its last-access timestamp (see
 * {@link RocksDBTtl}); list values are in {@link ListFormat}, appended by merges. Writes skip the write-ahead log: the instance is working storage,
 * durability comes from checkpoints.
 *
 * <p>Value, reducing and aggregating state without TTL sit behind a write-back cache each
 * ({@link CachedValueCell}, {@code state.backend.rocksdb.write-back-cache.entries} entries, 0 = off);
 * the caches are flushed before anything reads RocksDB directly (snapshots, key scans) and start
 * empty after restore.
 *
 * <p>Snapshots: the synchronous part writes the caches' dirty entries, flushes and takes a native RocksDB checkpoint (hard links);
 * the async part reads only that copy, either writing the canonical format (savepoints, and
 * checkpoints when incremental checkpoints are off) or uploading new SST files to the shared
 * directory (incremental checkpoints, see {@link IncrementalSnapshot}).
 *
 * <p>Task thread only: the backend reuses one key buffer, one value buffer and one input view for
 * all its states. Created by the task thread, used and disposed by it. The async parts of
 * snapshots run on other threads and touch only their own native checkpoint directory.
 */
public final class RocksDBKeyedStateBackend<K> implements SnapshotableKeyedStateBackend<K> {
    private static final Logger LOG = LoggerFactory.getLogger(RocksDBKeyedStateBackend.class);
    private static volatile boolean libraryLoaded;
    /** Default capacity of the write-back cache of each value, reducing and aggregating state without TTL. */
    public static final int DEFAULT_WRITE_BACK_CACHE_ENTRIES = 16384;
    /** Largest accepted write-back cache capacity per state. */
    public static final int MAX_WRITE_BACK_CACHE_ENTRIES = 1 << 24;

    private final TypeSerializer<K> keySerializer;
    private final int maxParallelism;
    private final KeyGroupRange keyGroupRange;
    private final boolean incrementalCheckpoints;
    private final Path directory;
    private final Path dbDirectory;
    private final String name;
    /** Names this backend's shared files; no '-' (see {@link SharedFiles#localName}). */
    private final String backendId = UUID.randomUUID().toString().replace("-", "");
    private final SharedFiles sharedFiles = new SharedFiles();
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions columnFamilyOptions;
    private final WriteOptions writeOptions;
    private final LongSupplier clock;
    private final int writeBackCacheEntries;
    private final List<CachedValueCell<?>> caches = new ArrayList<>();
    private final DataOutputSerializer cacheValueOut = new DataOutputSerializer(256);
    private WriteBatch cacheBatch;
    private NativeDb instance;
    private final Map<String, StateEntry> states = new HashMap<>();
    private final PendingStates pending = new PendingStates();
    private final DataOutputSerializer keyOut = new DataOutputSerializer(64);
    private final DataOutputSerializer valueOut = new DataOutputSerializer(256);
    private final DataInputDeserializer in = new DataInputDeserializer();
    private K currentKey;
    private int currentKeyGroup = -1;
    private int keyPrefixLength;
    private long snapshotCount;
    private boolean restored;
    private boolean disposed;

    /** Opens a new instance in a fresh directory under {@code baseDir}; checkpoints are incremental. */
    public RocksDBKeyedStateBackend(TypeSerializer<K> keySerializer, int maxParallelism, KeyGroupRange keyGroupRange,
            Path baseDir, String directoryPrefix) {
        this(keySerializer, maxParallelism, keyGroupRange, baseDir, directoryPrefix, true);
    }

    /**
     * Opens a new instance in a fresh directory under {@code baseDir}.
     *
     * @param keySerializer serializer of the operator's key; required
     * @param directoryPrefix readable prefix of the directory name (task name and subtask)
     * @param incrementalCheckpoints checkpoints (not savepoints) upload only new SST files instead of the canonical format
     */
    public RocksDBKeyedStateBackend(TypeSerializer<K> keySerializer, int maxParallelism, KeyGroupRange keyGroupRange,
            Path baseDir, String directoryPrefix, boolean incrementalCheckpoints) {
        this(keySerializer, maxParallelism, keyGroupRange, baseDir, directoryPrefix, incrementalCheckpoints, System::currentTimeMillis);
    }

    /**
     * As {@link #RocksDBKeyedStateBackend(TypeSerializer, int, KeyGroupRange, Path, String, boolean)}
     * with the clock of state TTL.
     *
     * @param clock processing time in epoch milliseconds for state TTL (tests inject a manual clock)
     */
    public RocksDBKeyedStateBackend(TypeSerializer<K> keySerializer, int maxParallelism, KeyGroupRange keyGroupRange,
            Path baseDir, String directoryPrefix, boolean incrementalCheckpoints, LongSupplier clock) {
        this(keySerializer, maxParallelism, keyGroupRange, baseDir, directoryPrefix, incrementalCheckpoints, clock,
                DEFAULT_WRITE_BACK_CACHE_ENTRIES);
    }

    /**
     * As {@link #RocksDBKeyedStateBackend(TypeSerializer, int, KeyGroupRange, Path, String, boolean, LongSupplier)}
     * with the size of the write-back caches.
     *
     * @param writeBackCacheEntries capacity of the write-back cache ({@link CachedValueCell}) of each value, reducing and
     *     aggregating state without TTL, in (key, namespace) entries; 0 turns the caches off
     */
    public RocksDBKeyedStateBackend(TypeSerializer<K> keySerializer, int maxParallelism, KeyGroupRange keyGroupRange,
            Path baseDir, String directoryPrefix, boolean incrementalCheckpoints, LongSupplier clock, int writeBackCacheEntries) {
        if (writeBackCacheEntries < 0 || writeBackCacheEntries > MAX_WRITE_BACK_CACHE_ENTRIES) {
            throw new IllegalArgumentException("The RocksDB write-back cache size must be between 0 (off) and "
                    + MAX_WRITE_BACK_CACHE_ENTRIES + " entries per state, was " + writeBackCacheEntries);
        }
        this.writeBackCacheEntries = writeBackCacheEntries;
        if (keySerializer == null) {
            throw new IllegalArgumentException("The RocksDB state backend needs the key serializer of the keyed operator ("
                    + directoryPrefix + "), but the job graph carries none; use state.backend.type: hashmap or declare the key type");
        }
        if (maxParallelism <= 0) {
            throw new IllegalArgumentException("Max parallelism must be > 0, was " + maxParallelism);
        }
        ensureLibraryLoaded();
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        this.keySerializer = keySerializer;
        this.maxParallelism = maxParallelism;
        this.keyGroupRange = keyGroupRange;
        this.incrementalCheckpoints = incrementalCheckpoints;
        this.name = sanitize(directoryPrefix);
        try {
            Files.createDirectories(baseDir);
            this.directory = Files.createTempDirectory(baseDir, "rocksdb-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a RocksDB directory under " + baseDir
                    + "; set io.tmp.dirs to a writable directory", e);
        }
        this.dbDirectory = directory.resolve("db");
        this.dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
        this.columnFamilyOptions = ListFormat.withMergeOperator(new ColumnFamilyOptions());
        this.writeOptions = new WriteOptions().setDisableWAL(true);
        try {
            this.instance = NativeDb.openReadWrite(dbDirectory, dbOptions, columnFamilyOptions);
        } catch (RocksDBException e) {
            writeOptions.close();
            columnFamilyOptions.close();
            dbOptions.close();
            LocalFiles.deleteQuietly(directory);
            throw new IllegalStateException("Could not open RocksDB in " + dbDirectory + ": " + e.getMessage(), e);
        }
        LOG.debug("Opened RocksDB keyed state backend in {} for key groups {}", directory, keyGroupRange);
    }

    /** The backend of subtask {@code subtaskIndex} of {@code parallelism}, with incremental checkpoints. */
    public static <K> RocksDBKeyedStateBackend<K> forSubtask(TypeSerializer<K> keySerializer, int maxParallelism, int parallelism,
            int subtaskIndex, Path baseDir, String directoryPrefix) {
        return forSubtask(keySerializer, maxParallelism, parallelism, subtaskIndex, baseDir, directoryPrefix, true);
    }

    /** The backend of subtask {@code subtaskIndex} of {@code parallelism}. */
    public static <K> RocksDBKeyedStateBackend<K> forSubtask(TypeSerializer<K> keySerializer, int maxParallelism, int parallelism,
            int subtaskIndex, Path baseDir, String directoryPrefix, boolean incrementalCheckpoints) {
        return new RocksDBKeyedStateBackend<>(keySerializer, maxParallelism,
                KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, subtaskIndex), baseDir, directoryPrefix,
                incrementalCheckpoints);
    }

    /**
     * The backend of subtask {@code subtaskIndex} of {@code parallelism} with write-back caches of
     * {@code writeBackCacheEntries} entries per state (0: off).
     */
    public static <K> RocksDBKeyedStateBackend<K> forSubtask(TypeSerializer<K> keySerializer, int maxParallelism, int parallelism,
            int subtaskIndex, Path baseDir, String directoryPrefix, boolean incrementalCheckpoints, int writeBackCacheEntries) {
        return new RocksDBKeyedStateBackend<>(keySerializer, maxParallelism,
                KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, subtaskIndex), baseDir, directoryPrefix,
                incrementalCheckpoints, System::currentTimeMillis, writeBackCacheEntries);
    }

    /** The backend of subtask {@code subtaskIndex} of {@code parallelism} with the given TTL clock. */
    public static <K> RocksDBKeyedStateBackend<K> forSubtask(TypeSerializer<K> keySerializer, int maxParallelism, int parallelism,
            int subtaskIndex, Path baseDir, String directoryPrefix, boolean incrementalCheckpoints, LongSupplier clock) {
        return new RocksDBKeyedStateBackend<>(keySerializer, maxParallelism,
                KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, subtaskIndex), baseDir, directoryPrefix,
                incrementalCheckpoints, clock);
    }

    /** Loads the native library once per JVM. */
    public static void ensureLibraryLoaded() {
        if (libraryLoaded) {
            return;
        }
        synchronized (RocksDBKeyedStateBackend.class) {
            if (!libraryLoaded) {
                try {
                    RocksDB.loadLibrary();
                } catch (Throwable t) {
                    throw new IllegalStateException("Could not load the RocksDB native library (" + t
                            + "); check that java.io.tmpdir is writable and the platform is supported by rocksdbjni,"
                            + " or use state.backend.type: hashmap", t);
                }
                libraryLoaded = true;
            }
        }
    }

    private static String sanitize(String s) {
        String clean = s == null ? "" : s.replaceAll("[^A-Za-z0-9._-]", "_");
        return clean.length() > 60 ? clean.substring(0, 60) : clean;
    }

    /**
     * Sets the key of following state accesses. Only the key group is computed here; the key is
     * serialized when a state first needs its RocksDB key (a write-back cache hit needs none).
     */
    @Override
    public void setCurrentKey(K key) {
        int keyGroup = KeyedStateChecks.ownedKeyGroup(key, maxParallelism, keyGroupRange);
        this.currentKey = key;
        this.currentKeyGroup = keyGroup;
        this.keyPrefixLength = -1;
    }

    @Override
    public K getCurrentKey() {
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

    @Override
    public int getNumberOfKeyGroups() {
        return maxParallelism;
    }

    public TypeSerializer<K> getKeySerializer() {
        return keySerializer;
    }

    /** The backend's directory (deleted by {@link #dispose()}); the instance is in its {@code db} subdirectory. */
    public Path getDirectory() {
        return directory;
    }

    /** Whether checkpoints (not savepoints) are incremental native checkpoints. */
    public boolean isIncrementalCheckpoints() {
        return incrementalCheckpoints;
    }

    /** Capacity of each value/reducing/aggregating state's write-back cache, in entries (0: off). */
    public int getWriteBackCacheEntries() {
        return writeBackCacheEntries;
    }

    /** Names this backend's shared SST files ({@code <backendId>-<sstName>}); stable for its lifetime. */
    public String getBackendId() {
        return backendId;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends State, T> S getPartitionedState(StateDescriptor<S, T> descriptor) throws Exception {
        S state = getOrCreateKeyedState(VoidNamespaceSerializer.INSTANCE, descriptor);
        ((InternalKvState<K, VoidNamespace, ?>) state).setCurrentNamespace(VoidNamespace.INSTANCE);
        return state;
    }

    /**
     * The state of {@code descriptor} in namespaces of {@code namespaceSerializer}'s type (see
     * {@link dev.eddy.runtime.state.KeyedStateBackend#getOrCreateKeyedState}); with
     * {@link VoidNamespaceSerializer} the RocksDB keys have no namespace bytes.
     *
     * @throws IllegalStateException when the name is registered, restored or stored as another kind,
     *     with another namespace serializer, or with TTL where it now has none (or the other way round)
     */
    @Override
    @SuppressWarnings("unchecked")
    public <N, S extends State, T> S getOrCreateKeyedState(TypeSerializer<N> namespaceSerializer, StateDescriptor<S, T> descriptor)
            throws Exception {
        checkNotDisposed();
        java.util.Objects.requireNonNull(namespaceSerializer, "namespaceSerializer");
        String stateName = descriptor.getName();
        StateEntry existing = states.get(stateName);
        if (existing != null) {
            KeyedStateChecks.requireSameKind(stateName, existing.type, descriptor.getType());
            KeyedStateChecks.requireSameNamespaceSerializer(stateName, existing.namespaceSerializer, namespaceSerializer);
            return (S) existing.state;
        }
        boolean namespaced = !(namespaceSerializer instanceof VoidNamespaceSerializer);
        RocksDBTtl ttl = ttlOf(descriptor);
        byte kind = KeyGroupStateFormat.kindOf(descriptor.getType());
        ColumnMeta meta = new ColumnMeta(kind, KeyGroupStateFormat.flags(ttl != null, namespaced),
                namespaced ? namespaceSerializer.getLength() : 0);
        checkKnownState(stateName, descriptor.getType(), meta);
        Serializers serializers = serializers(descriptor);
        ColumnFamilyHandle cf = instance.columns.get(stateName);
        if (cf == null) {
            cf = instance.createColumn(stateName, meta, columnFamilyOptions, writeOptions);
        }
        PendingStates.PendingState kept = pending.get(stateName);
        if (kept != null) {
            new CanonicalDecoder(stateName, kind, keySerializer, namespaced ? namespaceSerializer : null, serializers.value,
                    serializers.userKey, maxParallelism, ttl != null, clock.getAsLong()).decodeInto(instance.db, cf, writeOptions, kept);
            pending.remove(stateName); // only now: a failed decode keeps the bytes for the next snapshot
        }
        StateColumn column = new StateColumn(this, cf, stateName, namespaced ? namespaceSerializer : null);
        State state = createState(descriptor, column, serializers, ttl);
        states.put(stateName, new StateEntry(descriptor.getType(), state, namespaceSerializer, ttl));
        return (S) state;
    }

    /**
     * Scans the state's column family (see {@link AllKeysScan}) and, for each key with a visible
     * entry in {@code namespace}, sets it as the current key and calls {@code function}; the scan
     * reads a consistent view, so the function may update or clear the state. Map state keys are
     * visited once however many entries they have. See {@link KeyedStateBackend#applyToAllKeys}.
     * Task thread only.
     */
    @Override
    public <N, S extends State, T> void applyToAllKeys(N namespace, TypeSerializer<N> namespaceSerializer,
            StateDescriptor<S, T> descriptor, KeyedStateFunction<K, S> function) throws Exception {
        java.util.Objects.requireNonNull(namespace, "namespace");
        java.util.Objects.requireNonNull(function, "function");
        S state = getPartitionedState(namespace, namespaceSerializer, descriptor);
        flushCaches(); // the scan reads RocksDB
        String stateName = descriptor.getName();
        StateEntry e = states.get(stateName);
        byte[] namespaceBytes = new byte[0];
        if (!(namespaceSerializer instanceof VoidNamespaceSerializer)) {
            DataOutputSerializer out = new DataOutputSerializer(32);
            namespaceSerializer.serialize(namespace, out);
            namespaceBytes = out.getCopyOfBuffer();
        }
        AllKeysScan<K> scan = new AllKeysScan<>(instance.db, instance.columns.get(stateName), stateName, keySerializer, keyGroupRange,
                namespaceBytes, e.type == StateDescriptor.Type.MAP, e.type == StateDescriptor.Type.LIST, e.ttl);
        K previousKey = currentKey;
        try {
            scan.run(key -> {
                setCurrentKey(key);
                function.process(key, state);
            });
        } finally {
            if (previousKey != null) {
                setCurrentKey(previousKey);
            } else {
                currentKey = null;
                currentKeyGroup = -1;
                keyPrefixLength = 0;
            }
        }
    }

    /** The TTL rules of a descriptor, or null without TTL. */
    private RocksDBTtl ttlOf(StateDescriptor<?, ?> descriptor) {
        StateTtlConfig config = descriptor.getTtlConfig();
        if (config == null || !config.isEnabled()) {
            return null;
        }
        if (config.getCleanupStrategies().getRocksdbCompactFilterCleanupStrategy() != null) {
            LOG.info("State '{}' asks for TTL cleanup in the RocksDB compaction filter, which this backend does not run: expired"
                    + " entries are removed when accessed and left out of full snapshots instead", descriptor.getName());
        }
        return new RocksDBTtl(config, clock);
    }

    /** Checks a new registration against what the instance (incremental restore) or kept sections (canonical restore) hold. */
    private void checkKnownState(String stateName, StateDescriptor.Type type, ColumnMeta wanted) {
        ColumnMeta stored = instance.metas.get(stateName);
        if (stored != null) {
            KeyedStateChecks.requireSameKind(stateName, KeyGroupStateFormat.typeOf(stored.kind(), stateName), type);
            if (stored.flags() != wanted.flags()) {
                throw new IllegalStateException("State '" + stateName + "' was restored as " + stored.describe(stateName)
                        + " and is now requested as " + wanted.describe(stateName) + "; an incrementally checkpointed RocksDB state"
                        + " must keep its namespace type and TTL setting (take a savepoint to change TTL, or use a different name)");
            }
            return;
        }
        Byte keptKind = pending.kindOf(stateName);
        if (keptKind != null) {
            KeyedStateChecks.requireSameKind(stateName, KeyGroupStateFormat.typeOf(keptKind, stateName), type);
            Boolean keptNamespaced = pending.namespacedOf(stateName);
            if (keptNamespaced != null && keptNamespaced != wanted.namespaced()) {
                throw new IllegalStateException("State '" + stateName + "' was restored " + (keptNamespaced ? "with namespaces" : "without namespace")
                        + " and is now requested " + (wanted.namespaced() ? "with a namespace serializer" : "without namespace")
                        + "; a restored state must keep whether it is namespaced (use a different name for the new state)");
            }
        }
    }

    /** A state's serializers: value (or list element, or map value) and map user key. */
    private record Serializers(TypeSerializer<?> value, TypeSerializer<?> userKey) {}

    @SuppressWarnings("rawtypes")
    private static Serializers serializers(StateDescriptor<?, ?> descriptor) {
        switch (descriptor.getType()) {
            case LIST:
                return new Serializers(((ListStateDescriptor) descriptor).getElementTypeInformation().createSerializer(new SerializerConfig()), null);
            case MAP: {
                MapStateDescriptor md = (MapStateDescriptor) descriptor;
                return new Serializers(md.getValueTypeInformation().createSerializer(new SerializerConfig()),
                        md.getKeyTypeInformation().createSerializer(new SerializerConfig()));
            }
            default:
                return new Serializers(descriptor.getSerializer(), null);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private State createState(StateDescriptor<?, ?> descriptor, StateColumn column, Serializers s, RocksDBTtl ttl) {
        switch (descriptor.getType()) {
            case VALUE:
                return new RocksDBValueState<>(valueCell(column, s.value, ttl));
            case LIST:
                return new RocksDBListState<>(column, (TypeSerializer) s.value, ttl, listCache(column, (TypeSerializer) s.value, ttl));
            case MAP:
                return new RocksDBMapState<>(column, (TypeSerializer) s.userKey, (TypeSerializer) s.value, ttl);
            case REDUCING:
                return new RocksDBReducingState<>(valueCell(column, s.value, ttl),
                        ((ReducingStateDescriptor) descriptor).getReduceFunction());
            case AGGREGATING:
                return new RocksDBAggregatingState<>(valueCell(column, s.value, ttl),
                        ((AggregatingStateDescriptor) descriptor).getAggregateFunction());
            default:
                throw new UnsupportedOperationException(descriptor.getType() + " state ('" + descriptor.getName()
                        + "') is not supported by the RocksDB backend");
        }
    }

    /** The cell of a value, reducing or aggregating state: cached unless the state has TTL or caches are off. */
    private <T> ValueCell<T> valueCell(StateColumn column, TypeSerializer<T> serializer, RocksDBTtl ttl) {
        if (ttl != null || writeBackCacheEntries == 0) {
            return new SingleValueCell<>(column, serializer, ttl);
        }
        CachedValueCell<T> cell = new CachedValueCell<>(this, column, serializer, writeBackCacheEntries);
        caches.add(cell);
        return cell;
    }

    /** The write-back cache of a list state's whole lists, or null when the state has TTL or caches are off. */
    private <T> CachedValueCell<List<T>> listCache(StateColumn column, TypeSerializer<T> elementSerializer, RocksDBTtl ttl) {
        if (ttl != null || writeBackCacheEntries == 0) {
            return null;
        }
        CachedValueCell<List<T>> cell = new CachedValueCell<>(this, column, new ListValueSerializer<>(elementSerializer),
                writeBackCacheEntries, ListValueSerializer::concat);
        caches.add(cell);
        return cell;
    }

    /** Writes the dirty entries of every write-back cache to RocksDB (task thread; before RocksDB is read directly). */
    void flushCaches() {
        for (CachedValueCell<?> cache : caches) {
            cache.flush();
        }
    }

    // ---- accessors for the state classes (task thread) ----

    /** The cleared batch the write-back caches fill; write it with {@link #writeCacheBatch}. */
    WriteBatch cacheBatch() {
        checkNotDisposed();
        if (cacheBatch == null) {
            cacheBatch = new WriteBatch();
        }
        cacheBatch.clear();
        return cacheBatch;
    }

    /** Writes (and clears) a batch filled by {@code column}'s write-back cache. */
    void writeCacheBatch(WriteBatch batch, StateColumn column) {
        try {
            instance.db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw column.failure("batch write", e);
        } finally {
            batch.clear();
        }
    }

    /** Value buffer of the write-back caches' flushes (not the state accesses' {@link #valueOut()}). */
    DataOutputSerializer cacheValueOut() {
        return cacheValueOut;
    }

    RocksDB db() {
        checkNotDisposed();
        return instance.db;
    }

    WriteOptions writeOptions() {
        return writeOptions;
    }

    DataOutputSerializer keyOut() {
        return keyOut;
    }

    DataOutputSerializer valueOut() {
        return valueOut;
    }

    DataInputDeserializer in() {
        return in;
    }

    /**
     * Length of the key group + current key prefix in {@link #keyOut()}, serializing the current key
     * there first if it is not yet; fails without a current key.
     */
    int requireKeyPrefix() {
        requireCurrentKey();
        if (keyPrefixLength < 0) {
            keyOut.clear();
            keyOut.writeShort(currentKeyGroup);
            try {
                keySerializer.serialize(currentKey, keyOut);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not serialize key '" + currentKey + "' for the RocksDB state backend", e);
            }
            keyPrefixLength = keyOut.length();
        }
        return keyPrefixLength;
    }

    /** The current key; fails without one (or when disposed). */
    K requireCurrentKey() {
        checkNotDisposed();
        if (currentKey == null) {
            throw new IllegalStateException("No current key: keyed state is accessible only while processing a keyed record or timer");
        }
        return currentKey;
    }

    private void checkNotDisposed() {
        if (disposed) {
            throw new IllegalStateException("The RocksDB state backend in " + directory + " is disposed");
        }
    }

    /** Number of entries in a state's column family, for tests; iterates the whole column. */
    long countEntries(String stateName) {
        flushCaches();
        ColumnFamilyHandle handle = instance.columns.get(stateName);
        if (handle == null) {
            return 0;
        }
        long n = 0;
        try (RocksIterator it = instance.db.newIterator(handle)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                n++;
            }
        }
        return n;
    }

    /** Compacts every column family fully, for tests. */
    void compactAll() throws RocksDBException {
        flushCaches();
        for (ColumnFamilyHandle cf : instance.allHandles()) {
            instance.db.compactRange(cf);
        }
    }

    // ---- snapshots and restore ----

    /**
     * Synchronous part (task thread): writes the write-back caches' dirty entries, flushes the memtables and takes a native checkpoint (hard links)
     * into {@code chk-<id>-<n>}; the returned async part reads only that copy and deletes it.
     * Incremental for checkpoints when enabled, a shared directory is given and no restored state is
     * still waiting for its descriptor; canonical otherwise.
     */
    @Override
    public AsyncSnapshot<KeyedStateHandleProto> snapshot(long checkpointId, CheckpointOptions options, CheckpointStreamFactory streams)
            throws Exception {
        checkNotDisposed();
        flushCaches(); // cached writes go into this snapshot
        Path checkpointDir = directory.resolve("chk-" + checkpointId + "-" + (++snapshotCount));
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true); Checkpoint checkpoint = Checkpoint.create(instance.db)) {
            instance.db.flush(flush, instance.allHandles());
            checkpoint.createCheckpoint(checkpointDir.toString());
        } catch (RocksDBException e) {
            LocalFiles.deleteQuietly(checkpointDir);
            throw new IllegalStateException("Could not take a native RocksDB checkpoint of " + dbDirectory + " into " + checkpointDir
                    + " for checkpoint " + checkpointId + ": " + e.getMessage(), e);
        }
        boolean incremental = incrementalCheckpoints && !options.savepoint() && options.sharedDirectory() != null && pending.isEmpty();
        if (incremental) {
            return new IncrementalSnapshot(checkpointDir, streams, keyGroupRange, backendId, sharedFiles, checkpointId);
        }
        Map<String, TypeSerializer<?>> namespaceSerializers = new HashMap<>();
        Map<String, CanonicalSnapshot.TtlCleanup> ttlCleanups = new HashMap<>();
        long now = clock.getAsLong();
        states.forEach((stateName, e) -> {
            if (!(e.namespaceSerializer instanceof VoidNamespaceSerializer)) {
                namespaceSerializers.put(stateName, e.namespaceSerializer.duplicate());
            }
            if (e.ttl != null && e.ttl.cleanupInFullSnapshot()) {
                ttlCleanups.put(stateName, new CanonicalSnapshot.TtlCleanup(e.ttl.ttlMillis(), now));
            }
        });
        return new CanonicalSnapshot(checkpointDir, streams, keyGroupRange, keySerializer.duplicate(), pending.snapshot(),
                namespaceSerializers, ttlCleanups, "keyed-" + name + "-" + keyGroupRange.getStartKeyGroup());
    }

    /**
     * Restores (task thread, once, before any state access). Incremental handles: see
     * {@link #restoreIncremental}. Canonical handles: the sections of this range are kept
     * until their descriptor is registered (see {@link PendingStates}).
     */
    @Override
    public void restore(List<KeyedStateHandleProto> handles, Path baseDirectory) throws Exception {
        checkNotDisposed();
        if (restored || !states.isEmpty()) {
            throw new IllegalStateException("RocksDB backend " + directory + " was already restored or used; restore must be called once, first");
        }
        restored = true;
        List<IncrementalStateHandleProto> incremental = new ArrayList<>();
        List<KeyGroupsStateHandleProto> canonical = new ArrayList<>();
        for (KeyedStateHandleProto h : handles) {
            switch (h.getHandleCase()) {
                case INCREMENTAL:
                    if (overlaps(h.getIncremental().getStartKeyGroup(), h.getIncremental().getEndKeyGroup())) {
                        incremental.add(h.getIncremental());
                    }
                    break;
                case KEY_GROUPS:
                    canonical.add(h.getKeyGroups());
                    break;
                default:
                    throw new IllegalArgumentException("A keyed state handle to restore carries neither key groups nor an incremental checkpoint");
            }
        }
        if (!incremental.isEmpty()) {
            restoreIncremental(incremental, baseDirectory);
        }
        for (KeyGroupsStateHandleProto h : canonical) {
            pending.read(h, baseDirectory, keyGroupRange);
        }
        LOG.debug("Restored RocksDB backend {} for key groups {} from {} incremental and {} canonical handles", directory, keyGroupRange,
                incremental.size(), canonical.size());
    }

    private boolean overlaps(int start, int end) {
        return start <= keyGroupRange.getEndKeyGroup() && end >= keyGroupRange.getStartKeyGroup();
    }

    /**
     * The handle overlapping this range most becomes the instance (its files copied in place, key
     * groups outside this range deleted by range tombstones); the entries of this range in the other
     * handles are copied over from temporary read-only instances.
     */
    private void restoreIncremental(List<IncrementalStateHandleProto> handles, Path baseDirectory) throws IOException, RocksDBException {
        IncrementalStateHandleProto base = handles.get(0);
        for (IncrementalStateHandleProto h : handles) {
            if (overlap(h) > overlap(base)) {
                base = h;
            }
        }
        restoreInPlace(base, baseDirectory);
        if (base.getStartKeyGroup() < keyGroupRange.getStartKeyGroup() || base.getEndKeyGroup() > keyGroupRange.getEndKeyGroup()) {
            byte[] first = KeyGroupPrefixes.keyGroupPrefix(keyGroupRange.getStartKeyGroup());
            byte[] afterLast = KeyGroupPrefixes.keyGroupPrefix(keyGroupRange.getEndKeyGroup() + 1);
            for (ColumnFamilyHandle cf : instance.columns.values()) {
                if (keyGroupRange.getStartKeyGroup() > 0) {
                    instance.db.deleteRange(cf, writeOptions, new byte[] {0, 0}, first);
                }
                instance.db.deleteRange(cf, writeOptions, afterLast, new byte[] {(byte) 0xFF, (byte) 0xFF});
            }
        }
        int scratch = 0;
        for (IncrementalStateHandleProto h : handles) {
            if (h != base) {
                IncrementalRestore.copyRange(h, baseDirectory, directory.resolve("restore-" + scratch++), instance, keyGroupRange,
                        columnFamilyOptions, writeOptions);
            }
        }
    }

    private int overlap(IncrementalStateHandleProto h) {
        return Math.min(h.getEndKeyGroup(), keyGroupRange.getEndKeyGroup()) - Math.max(h.getStartKeyGroup(), keyGroupRange.getStartKeyGroup());
    }

    private void restoreInPlace(IncrementalStateHandleProto handle, Path baseDirectory) throws IOException, RocksDBException {
        instance.close();
        instance = null;
        LocalFiles.deleteQuietly(dbDirectory);
        IncrementalRestore.copyFiles(handle, baseDirectory, dbDirectory, sharedFiles);
        instance = NativeDb.openReadWrite(dbDirectory, dbOptions, columnFamilyOptions);
    }

    /** Closes the column families, the database and its options and deletes the directory. Idempotent. */
    @Override
    public void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        states.clear();
        caches.clear(); // unflushed writes are dropped with the instance
        if (cacheBatch != null) {
            cacheBatch.close();
        }
        if (instance != null) {
            instance.close();
        }
        writeOptions.close();
        columnFamilyOptions.close();
        dbOptions.close();
        currentKey = null;
        currentKeyGroup = -1;
        LocalFiles.deleteQuietly(directory);
    }

    /** A registered state: what later registrations and snapshots need to know of it. */
    private record StateEntry(StateDescriptor.Type type, State state, TypeSerializer<?> namespaceSerializer, RocksDBTtl ttl) {}
}
