package dev.eddy.runtime.taskmanager.state.rocksdb;

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
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.taskmanager.state.KeyedStateChecks;
import dev.eddy.runtime.taskmanager.state.SnapshotableKeyedStateBackend;
import dev.eddy.runtime.state.KeyedStateBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed state of one keyed operator of one subtask in an embedded RocksDB instance, so state can
 * be larger than the heap. The instance lives in its own fresh directory, which {@link #dispose()}
 * deletes. Each state name gets a column family; a RocksDB key is the key group (2 bytes, big
 * endian) followed by the serialized current key (and, for map state, the serialized user key).
 * Values are serialized with the state descriptor's serializers. Writes skip the write-ahead log:
 * the instance is working storage, durability comes from checkpoints.
 *
 * <p>Task thread only: the backend reuses one key buffer, one value buffer and one input view for
 * all its states. Created by the task thread, used and disposed by it.
 */
public final class RocksDBKeyedStateBackend<K> implements SnapshotableKeyedStateBackend<K> {
    private static final Logger LOG = LoggerFactory.getLogger(RocksDBKeyedStateBackend.class);
    private static volatile boolean libraryLoaded;

    private final TypeSerializer<K> keySerializer;
    private final int maxParallelism;
    private final KeyGroupRange keyGroupRange;
    private final Path directory;
    private final Options options;
    private final ColumnFamilyOptions columnFamilyOptions;
    private final WriteOptions writeOptions;
    private final RocksDB db;
    private final Map<String, StateEntry> states = new HashMap<>();
    private final DataOutputSerializer keyOut = new DataOutputSerializer(64);
    private final DataOutputSerializer valueOut = new DataOutputSerializer(256);
    private final DataInputDeserializer in = new DataInputDeserializer();
    private K currentKey;
    private int currentKeyGroup = -1;
    private int keyPrefixLength;
    private boolean disposed;

    /**
     * Opens a new instance in a fresh directory under {@code baseDir}.
     *
     * @param keySerializer serializer of the operator's key; required
     * @param directoryPrefix readable prefix of the directory name (task name and subtask)
     */
    public RocksDBKeyedStateBackend(TypeSerializer<K> keySerializer, int maxParallelism, KeyGroupRange keyGroupRange,
            Path baseDir, String directoryPrefix) {
        if (keySerializer == null) {
            throw new IllegalArgumentException("The RocksDB state backend needs the key serializer of the keyed operator ("
                    + directoryPrefix + "), but the job graph carries none; use state.backend.type: hashmap or declare the key type");
        }
        if (maxParallelism <= 0) {
            throw new IllegalArgumentException("Max parallelism must be > 0, was " + maxParallelism);
        }
        ensureLibraryLoaded();
        this.keySerializer = keySerializer;
        this.maxParallelism = maxParallelism;
        this.keyGroupRange = keyGroupRange;
        try {
            Files.createDirectories(baseDir);
            this.directory = Files.createTempDirectory(baseDir, "rocksdb-" + sanitize(directoryPrefix) + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a RocksDB directory under " + baseDir
                    + "; set io.tmp.dirs to a writable directory", e);
        }
        this.options = new Options().setCreateIfMissing(true);
        this.columnFamilyOptions = new ColumnFamilyOptions();
        this.writeOptions = new WriteOptions().setDisableWAL(true);
        try {
            this.db = RocksDB.open(options, directory.toString());
        } catch (RocksDBException e) {
            writeOptions.close();
            columnFamilyOptions.close();
            options.close();
            deleteDirectory();
            throw new IllegalStateException("Could not open RocksDB in " + directory + ": " + e.getMessage(), e);
        }
        LOG.debug("Opened RocksDB keyed state backend in {} for key groups {}", directory, keyGroupRange);
    }

    /** The backend of subtask {@code subtaskIndex} of {@code parallelism}. */
    public static <K> RocksDBKeyedStateBackend<K> forSubtask(TypeSerializer<K> keySerializer, int maxParallelism, int parallelism,
            int subtaskIndex, Path baseDir, String directoryPrefix) {
        return new RocksDBKeyedStateBackend<>(keySerializer, maxParallelism,
                KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, subtaskIndex), baseDir, directoryPrefix);
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

    @Override
    public void setCurrentKey(K key) {
        int keyGroup = KeyedStateChecks.ownedKeyGroup(key, maxParallelism, keyGroupRange);
        keyOut.clear();
        keyOut.writeShort(keyGroup);
        try {
            keySerializer.serialize(key, keyOut);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialize key '" + key + "' for the RocksDB state backend", e);
        }
        this.keyPrefixLength = keyOut.length();
        this.currentKey = key;
        this.currentKeyGroup = keyGroup;
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

    /** The instance's directory (deleted by {@link #dispose()}). */
    public Path getDirectory() {
        return directory;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends State, T> S getPartitionedState(StateDescriptor<S, T> descriptor) throws Exception {
        checkNotDisposed();
        StateEntry existing = states.get(descriptor.getName());
        if (existing != null) {
            KeyedStateChecks.requireSameKind(descriptor.getName(), existing.type, descriptor.getType());
            return (S) existing.state;
        }
        ColumnFamilyHandle cf = db.createColumnFamily(
                new ColumnFamilyDescriptor(descriptor.getName().getBytes(StandardCharsets.UTF_8), columnFamilyOptions));
        State state;
        try {
            state = createState(descriptor, new StateColumn(this, cf, descriptor.getName()));
        } catch (RuntimeException e) {
            cf.close();
            throw e;
        }
        states.put(descriptor.getName(), new StateEntry(descriptor.getType(), state, cf));
        return (S) state;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private State createState(StateDescriptor<?, ?> descriptor, StateColumn column) {
        switch (descriptor.getType()) {
            case VALUE:
                return new RocksDBValueState<>(column, descriptor.getSerializer());
            case LIST:
                return new RocksDBListState<>(column,
                        ((ListStateDescriptor) descriptor).getElementTypeInformation().createSerializer(new SerializerConfig()));
            case MAP: {
                MapStateDescriptor md = (MapStateDescriptor) descriptor;
                return new RocksDBMapState<>(column, md.getKeyTypeInformation().createSerializer(new SerializerConfig()),
                        md.getValueTypeInformation().createSerializer(new SerializerConfig()));
            }
            case REDUCING:
                return new RocksDBReducingState<>(column, descriptor.getSerializer(),
                        ((ReducingStateDescriptor) descriptor).getReduceFunction());
            case AGGREGATING:
                return new RocksDBAggregatingState<>(column, descriptor.getSerializer(),
                        ((AggregatingStateDescriptor) descriptor).getAggregateFunction());
            default:
                throw new UnsupportedOperationException(descriptor.getType() + " state ('" + descriptor.getName()
                        + "') is not supported by the RocksDB backend");
        }
    }

    // ---- accessors for the state classes (task thread) ----

    RocksDB db() {
        checkNotDisposed();
        return db;
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

    /** Length of the key group + current key prefix in {@link #keyOut()}; fails without a current key. */
    int requireKeyPrefix() {
        checkNotDisposed();
        if (currentKey == null) {
            throw new IllegalStateException("No current key: keyed state is accessible only while processing a keyed record or timer");
        }
        return keyPrefixLength;
    }

    private void checkNotDisposed() {
        if (disposed) {
            throw new IllegalStateException("The RocksDB state backend in " + directory + " is disposed");
        }
    }

    /** Number of entries in a state's column family, for tests; iterates the whole column. */
    long countEntries(String stateName) {
        StateEntry e = states.get(stateName);
        if (e == null) {
            return 0;
        }
        long n = 0;
        try (RocksIterator it = db.newIterator(e.handle)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                n++;
            }
        }
        return n;
    }

    /** Closes the column families, the database and its options and deletes the directory. Idempotent. */
    @Override
    public void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        for (StateEntry e : states.values()) {
            e.handle.close();
        }
        states.clear();
        db.close();
        writeOptions.close();
        columnFamilyOptions.close();
        options.close();
        currentKey = null;
        currentKeyGroup = -1;
        deleteDirectory();
    }

    private void deleteDirectory() {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete RocksDB directory {}", directory, e);
        }
    }

    private static final class StateEntry {
        final StateDescriptor.Type type;
        final State state;
        final ColumnFamilyHandle handle;

        StateEntry(StateDescriptor.Type type, State state, ColumnFamilyHandle handle) {
            this.type = type;
            this.state = state;
            this.handle = handle;
        }
    }

    @Override
    public dev.eddy.runtime.taskmanager.checkpoint.AsyncSnapshot<dev.eddy.proto.KeyedStateHandleProto> snapshot(long checkpointId,
            dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions options,
            dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory streams) throws Exception {
        throw new UnsupportedOperationException("STUB: snapshots of RocksDBKeyedStateBackend are not implemented yet");
    }

    @Override
    public void restore(java.util.List<dev.eddy.proto.KeyedStateHandleProto> handles, java.nio.file.Path baseDirectory) throws Exception {
        throw new UnsupportedOperationException("STUB: restore of RocksDBKeyedStateBackend is not implemented yet");
    }
}
