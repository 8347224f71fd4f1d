package dev.eddy.runtime.taskmanager.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.state.AggregatingState;
import dev.eddy.api.common.state.AggregatingStateDescriptor;
import dev.eddy.api.common.state.ReducingState;
import dev.eddy.api.common.state.ReducingStateDescriptor;
import dev.eddy.api.common.state.StateTtlConfig;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.typeutils.base.StringSerializer;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.runtime.state.VoidNamespace;
import dev.eddy.runtime.state.VoidNamespaceSerializer;
import dev.eddy.runtime.state.internal.InternalReducingState;
import dev.eddy.runtime.taskmanager.state.heap.HeapKeyedStateBackend;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-back cache in front of RocksDB value, reducing and aggregating state: evictions write
 * dirty values back, snapshots and key scans see writes that live only in the cache, user reads
 * and writes keep RocksDB's copy semantics, and TTL state bypasses the cache.
 */
class RocksDBWriteBackCacheTest {
    private static final int MAX_PARALLELISM = CachedBackends.MAX_PARALLELISM;

    @TempDir
    Path tmp;
    private CachedBackends backends;

    @BeforeEach
    void setUp() {
        backends = new CachedBackends(tmp, "cache");
    }

    @AfterEach
    void disposeAll() {
        backends.close();
    }

    private static ValueStateDescriptor<String> valueDesc() {
        return new ValueStateDescriptor<>("value", String.class);
    }

    private static ReducingStateDescriptor<Long> reducingDesc() {
        return new ReducingStateDescriptor<>("reducing", Long::sum, Long.class);
    }

    private static AggregatingStateDescriptor<Long, long[], Double> aggregatingDesc() {
        return new AggregatingStateDescriptor<>("aggregating", new RocksDBStateKindsTest.Average(), long[].class);
    }

    private static ValueStateDescriptor<long[]> arrayDesc() {
        return new ValueStateDescriptor<>("array", long[].class);
    }

    /** Value "v<k>-<round>", reducing sum of k over the rounds, average of k and k+2 per round. */
    private static void write(KeyedStateBackend<Long> b, long from, long to, int round) throws Exception {
        ValueState<String> value = b.getPartitionedState(valueDesc());
        ReducingState<Long> reducing = b.getPartitionedState(reducingDesc());
        AggregatingState<Long, Double> aggregating = b.getPartitionedState(aggregatingDesc());
        for (long k = from; k < to; k++) {
            b.setCurrentKey(k);
            value.update("v" + k + "-" + round);
            reducing.add(k);
            aggregating.add(k);
            aggregating.add(k + 2);
        }
    }

    private static void verify(KeyedStateBackend<Long> b, long from, long to, int rounds) throws Exception {
        ValueState<String> value = b.getPartitionedState(valueDesc());
        ReducingState<Long> reducing = b.getPartitionedState(reducingDesc());
        AggregatingState<Long, Double> aggregating = b.getPartitionedState(aggregatingDesc());
        for (long k = from; k < to; k++) {
            b.setCurrentKey(k);
            assertThat(value.value()).as("value of key %d", k).isEqualTo("v" + k + "-" + rounds);
            assertThat(reducing.get()).as("reducing of key %d", k).isEqualTo(rounds * k);
            assertThat(aggregating.get()).as("aggregating of key %d", k).isEqualTo(k + 1.0);
        }
    }

    private static CachedValueCell<?> cacheOf(Object state) throws Exception {
        java.lang.reflect.Field f = state.getClass().getDeclaredField("cell");
        f.setAccessible(true);
        Object cell = f.get(state);
        assertThat(cell).as("cell of %s", state.getClass().getSimpleName()).isInstanceOf(CachedValueCell.class);
        return (CachedValueCell<?>) cell;
    }

    @Test
    void evictionsWriteDirtyValuesBackWhenTheCacheIsSmallerThanTheKeys() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backends.rocks(16);
        for (int round = 1; round <= 3; round++) {
            write(b, 0, 500, round);
        }
        CachedValueCell<?> cache = cacheOf(b.getPartitionedState(valueDesc()));
        assertThat(cache.size()).isLessThanOrEqualTo(16);
        verify(b, 0, 500, 3);
        // RocksDB itself holds every key that is not dirty in the cache
        assertThat(cache.dirtyCount()).isLessThan(16);
        assertThat(b.countEntries("value")).isEqualTo(500);
    }

    @Test
    void snapshotsContainWritesThatLiveOnlyInTheCache() throws Exception {
        RocksDBKeyedStateBackend<Long> source = backends.rocks(10_000);
        write(source, 0, 300, 1);
        assertThat(cacheOf(source.getPartitionedState(valueDesc())).dirtyCount()).isEqualTo(300);

        KeyedStateHandleProto checkpoint = backends.snapshot(source, false);
        RocksDBKeyedStateBackend<Long> fromCheckpoint = backends.rocks(10_000);
        fromCheckpoint.restore(List.of(checkpoint), tmp);
        verify(fromCheckpoint, 0, 300, 1);

        write(source, 0, 300, 2); // cached again, on top of what the first snapshot flushed
        KeyedStateHandleProto savepoint = backends.snapshot(source, true);
        RocksDBKeyedStateBackend<Long> fromSavepoint = backends.rocks(0);
        fromSavepoint.restore(List.of(savepoint), tmp);
        verify(fromSavepoint, 0, 300, 2);
        for (int i = 0; i < 2; i++) {
            HeapKeyedStateBackend<Long> heap = HeapKeyedStateBackend.forSubtask(new LongSerializer(), MAX_PARALLELISM, 2, i);
            backends.track(heap);
            heap.restore(List.of(savepoint), tmp);
            KeyGroupRange range = heap.getKeyGroupRange();
            ValueState<String> value = heap.getPartitionedState(valueDesc());
            ReducingState<Long> reducing = heap.getPartitionedState(reducingDesc());
            for (long k = 0; k < 300; k++) {
                if (range.contains(KeyGroupRangeAssignment.assignToKeyGroup(k, MAX_PARALLELISM))) {
                    heap.setCurrentKey(k);
                    assertThat(value.value()).isEqualTo("v" + k + "-2");
                    assertThat(reducing.get()).isEqualTo(2 * k);
                }
            }
        }
    }

    @Test
    void clearOfACachedEntryReachesTheNextSnapshot() throws Exception {
        RocksDBKeyedStateBackend<Long> source = backends.rocks(10_000);
        write(source, 0, 10, 1);
        backends.snapshot(source, false); // the values are in RocksDB now, and still cached (clean)
        ValueState<String> value = source.getPartitionedState(valueDesc());
        ReducingState<Long> reducing = source.getPartitionedState(reducingDesc());
        source.setCurrentKey(3L);
        assertThat(value.value()).isEqualTo("v3-1");
        value.clear();
        reducing.clear();
        source.setCurrentKey(4L);
        value.update(null);
        assertThat(value.value()).isNull();

        KeyedStateHandleProto checkpoint = backends.snapshot(source, false);
        RocksDBKeyedStateBackend<Long> restored = backends.rocks(10_000);
        restored.restore(List.of(checkpoint), tmp);
        ValueState<String> restoredValue = restored.getPartitionedState(valueDesc());
        ReducingState<Long> restoredReducing = restored.getPartitionedState(reducingDesc());
        restored.setCurrentKey(3L);
        assertThat(restoredValue.value()).isNull();
        assertThat(restoredReducing.get()).isNull();
        restored.setCurrentKey(4L);
        assertThat(restoredValue.value()).isNull();
        assertThat(restoredReducing.get()).isEqualTo(4L);
        restored.setCurrentKey(5L);
        assertThat(restoredValue.value()).isEqualTo("v5-1");
        assertThat(restored.countEntries("value")).isEqualTo(8);
    }

    @Test
    void mutatingAValueWithoutUpdateDoesNotChangeTheState() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backends.rocks(10_000);
        ValueState<long[]> state = b.getPartitionedState(arrayDesc());
        b.setCurrentKey(1L);
        long[] written = {1, 2};
        state.update(written);
        written[0] = 100; // after update: not part of the state
        long[] read = state.value();
        assertThat(read).containsExactly(1, 2);
        read[1] = 200; // without update: not part of the state
        assertThat(state.value()).containsExactly(1, 2);

        AggregatingState<Long, Double> avg = b.getPartitionedState(aggregatingDesc());
        avg.add(4L);
        avg.add(6L);
        assertThat(avg.get()).isEqualTo(5.0);
        assertThat(avg.get()).isEqualTo(5.0);
    }

    @Test
    void reducingStateKeepsACopyOfTheFirstAddedMutableValue() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backends.rocks(10_000);
        ReducingState<long[]> state = b.getPartitionedState(new ReducingStateDescriptor<>("arrays",
                (long[] x, long[] y) -> new long[] {x[0] + y[0]}, long[].class));
        b.setCurrentKey(1L);
        long[] element = {5};
        state.add(element);
        element[0] = 50; // the caller reuses its object (as a window operator adding one element to several windows)
        assertThat(state.get()).containsExactly(5);
    }

    @Test
    void applyToAllKeysSeesWritesAndClearsThatLiveOnlyInTheCache() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backends.rocks(10_000);
        ValueState<String> value = b.getPartitionedState(valueDesc());
        for (long k = 0; k < 6; k++) {
            b.setCurrentKey(k);
            value.update("x" + k);
        }
        backends.snapshot(b, false);
        b.setCurrentKey(2L);
        value.clear(); // cached delete of a key RocksDB has
        b.setCurrentKey(10L);
        value.update("x10"); // cached write of a key RocksDB does not have

        TreeSet<Long> visited = new TreeSet<>();
        b.applyToAllKeys(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, valueDesc(), (key, state) -> {
            visited.add(key);
            assertThat(state.value()).isEqualTo("x" + key);
            state.update("y" + key);
        });
        assertThat(visited).containsExactly(0L, 1L, 3L, 4L, 5L, 10L);
        b.setCurrentKey(10L);
        assertThat(value.value()).isEqualTo("y10");
    }

    @Test
    void sessionMergesSeeCachedValuesAndClearTheSources() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backends.rocks(10_000);
        InternalReducingState<Long, String, Long> state = (InternalReducingState<Long, String, Long>) b.<String, ReducingState<Long>, Long>
                getOrCreateKeyedState(StringSerializer.INSTANCE, reducingDesc());
        b.setCurrentKey(7L);
        for (String ns : List.of("a", "b", "c")) {
            state.setCurrentNamespace(ns);
            state.add((long) ns.charAt(0));
        }
        state.mergeNamespaces("c", List.of("a", "b"));
        state.setCurrentNamespace("c");
        assertThat(state.get()).isEqualTo((long) ('a' + 'b' + 'c'));
        state.setCurrentNamespace("a");
        assertThat(state.get()).isNull();

        RocksDBKeyedStateBackend<Long> restored = backends.rocks(10_000);
        restored.restore(List.of(backends.snapshot(b, false)), tmp);
        InternalReducingState<Long, String, Long> again = (InternalReducingState<Long, String, Long>) restored
                .<String, ReducingState<Long>, Long>getOrCreateKeyedState(StringSerializer.INSTANCE, reducingDesc());
        restored.setCurrentKey(7L);
        again.setCurrentNamespace("c");
        assertThat(again.get()).isEqualTo((long) ('a' + 'b' + 'c'));
        again.setCurrentNamespace("b");
        assertThat(again.get()).isNull();
    }

    @Test
    void stateWithTtlAndACacheSizeOfZeroGoStraightToRocksDB() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backends.rocks(10_000);
        ValueStateDescriptor<String> ttlDesc = new ValueStateDescriptor<>("ttl", String.class);
        ttlDesc.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofHours(1)).build());
        ValueState<String> ttl = b.getPartitionedState(ttlDesc);
        assertThat(cellOf(ttl)).isInstanceOf(SingleValueCell.class);
        b.setCurrentKey(1L);
        ttl.update("t");
        assertThat(b.countEntries("ttl")).isEqualTo(1);

        RocksDBKeyedStateBackend<Long> off = backends.rocks(0);
        assertThat(cellOf(off.getPartitionedState(valueDesc()))).isInstanceOf(SingleValueCell.class);
        assertThatThrownBy(() -> backends.rocks(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("write-back cache");
    }

    @Test
    void disposeDropsUnflushedWrites() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backends.rocks(10_000);
        write(b, 0, 5, 1);
        ValueState<String> value = b.getPartitionedState(valueDesc());
        b.dispose(); // with dirty entries: nothing is written to the closed instance
        assertThat(b.getDirectory()).doesNotExist();
        b.setCurrentKey(1L);
        assertThatThrownBy(value::value).isInstanceOf(IllegalStateException.class).hasMessageContaining("disposed");
    }

    private static Object cellOf(Object state) throws Exception {
        java.lang.reflect.Field f = state.getClass().getDeclaredField("cell");
        f.setAccessible(true);
        return f.get(state);
    }
}
