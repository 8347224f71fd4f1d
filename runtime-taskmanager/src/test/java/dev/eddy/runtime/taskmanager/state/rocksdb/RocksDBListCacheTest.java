package dev.eddy.runtime.taskmanager.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.runtime.taskmanager.state.heap.HeapKeyedStateBackend;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-back cache in front of RocksDB list state: appends to uncached lists are kept as
 * pending merges, reads merge them with RocksDB's value, evictions and snapshots write them, long
 * lists leave the cache, and the stored lists are the same as without a cache (checked against a
 * model, after restores into an uncached RocksDB backend and into the heap backend).
 */
class RocksDBListCacheTest {
    private static final int MAX_PARALLELISM = CachedBackends.MAX_PARALLELISM;

    @TempDir
    Path tmp;
    private CachedBackends backends;

    @BeforeEach
    void setUp() {
        backends = new CachedBackends(tmp, "list-cache");
    }

    @AfterEach
    void disposeAll() {
        backends.close();
    }

    private static ListStateDescriptor<String> desc() {
        return new ListStateDescriptor<>("list", String.class);
    }

    private static List<String> list(ListState<String> state) throws Exception {
        List<String> out = new ArrayList<>();
        state.get().forEach(out::add);
        return out;
    }

    private static void assertMatches(KeyedStateBackend<Long> b, Map<Long, List<String>> model, int keys, KeyGroupRange range)
            throws Exception {
        ListState<String> state = b.getPartitionedState(desc());
        for (long k = 0; k < keys; k++) {
            if (range != null && !range.contains(KeyGroupRangeAssignment.assignToKeyGroup(k, MAX_PARALLELISM))) {
                continue;
            }
            b.setCurrentKey(k);
            assertThat(list(state)).as("list of key %d", k).isEqualTo(model.getOrDefault(k, List.of()));
        }
    }

    @Test
    void randomOperationsAgreeWithAModelThroughEvictionsSnapshotsAndRestores() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backends.rocks(8); // far fewer entries than keys: constant evictions
        ListState<String> state = b.getPartitionedState(desc());
        Map<Long, List<String>> model = new HashMap<>();
        Random random = new Random(7);
        int keys = 20;
        KeyedStateHandleProto checkpoint = null;
        for (int op = 0; op < 20_000; op++) {
            long k = random.nextInt(keys);
            b.setCurrentKey(k);
            List<String> expected = model.computeIfAbsent(k, x -> new ArrayList<>());
            int dice = random.nextInt(1000);
            if (dice < 620) {
                String v = "e" + op;
                state.add(v);
                expected.add(v);
            } else if (dice < 720) {
                List<String> more = List.of("a" + op, "b" + op);
                state.addAll(more);
                expected.addAll(more);
            } else if (dice < 980) {
                assertThat(list(state)).as("op %d, key %d", op, k).isEqualTo(expected);
            } else if (dice < 985) {
                List<String> replacement = List.of("u" + op);
                state.update(replacement);
                expected.clear();
                expected.addAll(replacement);
            } else if (dice < 995) {
                state.clear();
                expected.clear();
            } else {
                checkpoint = backends.snapshot(b, false);
            }
        }
        assertMatches(b, model, keys, null);
        // lists longer than the cache keeps must have been written back and read again
        assertThat(model.values().stream().mapToInt(List::size).max().orElse(0)).isGreaterThan(RocksDBListState.MAX_CACHED_ELEMENTS);
        assertThat(checkpoint).as("at least one snapshot was taken mid-way").isNotNull();

        KeyedStateHandleProto savepoint = backends.snapshot(b, true);
        KeyedStateHandleProto latest = backends.snapshot(b, false);
        RocksDBKeyedStateBackend<Long> uncached = backends.rocks(0);
        uncached.restore(List.of(latest), tmp);
        assertMatches(uncached, model, keys, null);
        for (int i = 0; i < 2; i++) {
            HeapKeyedStateBackend<Long> heap = HeapKeyedStateBackend.forSubtask(new LongSerializer(), MAX_PARALLELISM, 2, i);
            backends.track(heap);
            heap.restore(List.of(savepoint), tmp);
            assertMatches(heap, model, keys, heap.getKeyGroupRange());
        }
    }

    @Test
    void appendsToAnUncachedListAreOneMergeWithoutReadingAndComeAfterTheStoredElements() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backends.rocks(1_000);
        ListState<String> state = b.getPartitionedState(desc());
        b.setCurrentKey(1L);
        state.update(List.of("x", "y"));
        backends.snapshot(b, false); // written to RocksDB
        CachedValueCell<?> cache = cacheOf(state);
        b.setCurrentKey(2L);
        state.add("other");
        b.setCurrentKey(1L);
        state.add("z"); // still cached (clean) from the update: appended in memory
        state.add("w");
        assertThat(list(state)).containsExactly("x", "y", "z", "w");

        RocksDBKeyedStateBackend<Long> fresh = backends.rocks(1_000);
        KeyedStateHandleProto checkpoint = backends.snapshot(b, false);
        fresh.restore(List.of(checkpoint), tmp);
        ListState<String> restored = fresh.getPartitionedState(desc());
        fresh.setCurrentKey(1L);
        restored.add("v"); // not cached in the fresh backend: a pending merge, RocksDB not read
        CachedValueCell<?> freshCache = cacheOf(restored);
        assertThat(freshCache.dirtyCount()).isEqualTo(1);
        assertThat(list(restored)).containsExactly("x", "y", "z", "w", "v");
        fresh.setCurrentKey(2L);
        restored.add("more");
        assertThat(list(restored)).containsExactly("other", "more");
        assertThat(cache.size()).isPositive();
    }

    @Test
    void aListLongerThanTheCacheKeepsIsWrittenBackAndDropped() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backends.rocks(1_000);
        ListState<String> state = b.getPartitionedState(desc());
        b.setCurrentKey(9L);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3 * RocksDBListState.MAX_CACHED_ELEMENTS; i++) {
            state.add("e" + i);
            expected.add("e" + i);
        }
        CachedValueCell<?> cache = cacheOf(state);
        assertThat(cache.size()).as("cached entries").isLessThanOrEqualTo(1);
        assertThat(b.countEntries("list")).isEqualTo(1);
        assertThat(list(state)).isEqualTo(expected);
        assertThat(cache.size()).as("a long list read back is not kept").isZero();
    }

    @Test
    void mutatingElementsReadOrAddedDoesNotChangeTheState() throws Exception {
        RocksDBKeyedStateBackend<Long> b = backends.rocks(1_000);
        ListState<long[]> state = b.getPartitionedState(new ListStateDescriptor<>("arrays", long[].class));
        b.setCurrentKey(1L);
        long[] added = {1, 2};
        state.add(added);
        added[0] = 99;
        long[] read = state.get().iterator().next();
        assertThat(read).containsExactly(1, 2);
        read[1] = 77;
        assertThat(state.get().iterator().next()).containsExactly(1, 2);
    }

    private static CachedValueCell<?> cacheOf(Object state) throws Exception {
        java.lang.reflect.Field f = state.getClass().getDeclaredField("cache");
        f.setAccessible(true);
        Object cache = f.get(state);
        assertThat(cache).as("cache of %s", state.getClass().getSimpleName()).isInstanceOf(CachedValueCell.class);
        return (CachedValueCell<?>) cache;
    }
}
