package bench.jmh;

import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.MapState;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.typeutils.base.LongSerializer;
import dev.eddy.runtime.taskmanager.state.SnapshotableKeyedStateBackend;
import dev.eddy.runtime.taskmanager.state.heap.HeapKeyedStateBackend;
import dev.eddy.runtime.taskmanager.state.rocksdb.RocksDBKeyedStateBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Keyed state access as a keyed operator does it: {@code setCurrentKey} then one state call, on a
 * uniformly random key among {@link #keys} Long keys, on the heap and on the RocksDB backend (one
 * subtask owning all 128 key groups; RocksDB in a temporary directory, no WAL, as in a task).
 *
 * <p>Setup fills the value state of every key and one map entry per key, so {@code valueGetUpdate}
 * always hits and {@code mapGet} hits about once in four at first. List state is emptied after each
 * iteration that added to it (lists would otherwise grow for the whole trial).
 *
 * <p>Key objects are pre-boxed: the score is state access, not key extraction. Eddy runtime
 * internals: no Flink twin. Threading: one JMH thread, the "task thread" of the backend.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KeyedStateBenchmark {
    private static final int ORDER_SIZE = 1 << 20;
    private static final int MAP_KEYS = 4;
    static final int MAX_PARALLELISM = 128;

    @Param({"heap", "rocksdb"})
    public String backend;

    @Param({"10000", "1000000"})
    public int keys;

    SnapshotableKeyedStateBackend<Long> stateBackend;
    ValueState<Long> value;
    ListState<Long> list;
    MapState<Long, Long> map;
    private Path tempDir;
    private Long[] keyObjects;
    private Long[] mapKeys;
    private int[] order;
    private int cursor;
    private boolean listsWritten;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        stateBackend = switch (backend) {
            case "heap" -> HeapKeyedStateBackend.forSubtask(LongSerializer.INSTANCE, MAX_PARALLELISM, 1, 0);
            case "rocksdb" -> {
                tempDir = Files.createTempDirectory("eddy-jmh-state-");
                yield RocksDBKeyedStateBackend.forSubtask(LongSerializer.INSTANCE, MAX_PARALLELISM, 1, 0, tempDir, "jmh");
            }
            default -> throw new IllegalArgumentException("Unknown backend '" + backend + "'; use heap or rocksdb");
        };
        value = stateBackend.getPartitionedState(new ValueStateDescriptor<>("value", LongSerializer.INSTANCE));
        list = stateBackend.getPartitionedState(new ListStateDescriptor<>("list", Long.class));
        map = stateBackend.getPartitionedState(new MapStateDescriptor<>("map", Long.class, Long.class));
        keyObjects = new Long[keys];
        mapKeys = new Long[MAP_KEYS];
        for (int i = 0; i < MAP_KEYS; i++) {
            mapKeys[i] = (long) i;
        }
        for (int i = 0; i < keys; i++) {
            Long key = (long) i;
            keyObjects[i] = key;
            stateBackend.setCurrentKey(key);
            value.update(key);
            map.put(mapKeys[i % MAP_KEYS], key);
        }
        SplittableRandom random = new SplittableRandom(42);
        order = new int[ORDER_SIZE];
        for (int i = 0; i < ORDER_SIZE; i++) {
            order[i] = random.nextInt(keys);
        }
    }

    /** The next random key, made current as an operator does before each keyed record. */
    private Long nextKey() {
        Long key = keyObjects[order[cursor++ & (ORDER_SIZE - 1)]];
        stateBackend.setCurrentKey(key);
        return key;
    }

    /** Read-modify-write of a counter: the typical keyed aggregation step. */
    @Benchmark
    public Long valueGetUpdate() throws Exception {
        nextKey();
        Long v = value.value();
        Long next = v == null ? 1L : v + 1;
        value.update(next);
        return next;
    }

    /** Appends one element to the key's list (window contents, buffered join input). */
    @Benchmark
    public Long listAdd() throws Exception {
        Long key = nextKey();
        list.add(key);
        listsWritten = true;
        return key;
    }

    /** Puts one of four user keys under the key. */
    @Benchmark
    public Long mapPut() throws Exception {
        Long key = nextKey();
        map.put(mapKeys[cursor & (MAP_KEYS - 1)], key);
        return key;
    }

    /** Gets one of four user keys under the key (null when absent). */
    @Benchmark
    public Long mapGet() throws Exception {
        nextKey();
        return map.get(mapKeys[cursor & (MAP_KEYS - 1)]);
    }

    /** Empties every list after an iteration that added to them, so lists do not grow over the trial. */
    @TearDown(Level.Iteration)
    public void clearLists() {
        if (!listsWritten) {
            return;
        }
        for (Long key : keyObjects) {
            stateBackend.setCurrentKey(key);
            list.clear();
        }
        listsWritten = false;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (stateBackend != null) {
            stateBackend.dispose();
        }
        if (tempDir != null) {
            try (Stream<Path> files = Files.walk(tempDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
