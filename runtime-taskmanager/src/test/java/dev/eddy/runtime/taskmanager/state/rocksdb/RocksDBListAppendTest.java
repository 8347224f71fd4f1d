package dev.eddy.runtime.taskmanager.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.StateTtlConfig;
import dev.eddy.api.common.typeutils.base.LongSerializer;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory;
import dev.eddy.runtime.taskmanager.state.SnapshotableKeyedStateBackend;
import dev.eddy.runtime.taskmanager.state.heap.HeapKeyedStateBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * List add/addAll are RocksDB merges appending length-prefixed elements ({@link ListFormat}): many
 * appends read back in order, mixed with update and addAll, with elements containing the
 * delimiter byte, through flushes and compactions (merged and unmerged operands), through
 * incremental checkpoints (same range and rescaled) and canonical savepoints into the heap backend.
 */
class RocksDBListAppendTest {
    private static final int MAX_PARALLELISM = 128;
    private static final String DELIMITER = String.valueOf((char) ListFormat.DELIMITER);

    @TempDir
    Path tmp;
    private long now;
    private int ids;
    private final List<SnapshotableKeyedStateBackend<?>> created = new ArrayList<>();

    @AfterEach
    void dispose() {
        created.forEach(SnapshotableKeyedStateBackend::dispose);
    }

    private RocksDBKeyedStateBackend<Long> rocks(int parallelism, int index) {
        RocksDBKeyedStateBackend<Long> b = RocksDBKeyedStateBackend.forSubtask(LongSerializer.INSTANCE, MAX_PARALLELISM, parallelism, index,
                tmp.resolve("local"), "list-" + created.size(), true, () -> now);
        created.add(b);
        return b;
    }

    private HeapKeyedStateBackend<Long> heap(int parallelism, int index) {
        HeapKeyedStateBackend<Long> b = HeapKeyedStateBackend.forSubtask(LongSerializer.INSTANCE, MAX_PARALLELISM, parallelism, index, () -> now);
        created.add(b);
        return b;
    }

    private KeyedStateHandleProto snapshot(SnapshotableKeyedStateBackend<Long> b, boolean savepoint) throws Exception {
        long id = ++ids;
        CheckpointOptions o = new CheckpointOptions(savepoint, true, tmp.resolve("snap-" + id), savepoint ? null : tmp.resolve("shared"), false);
        return b.snapshot(id, o, CheckpointStreamFactory.forOptions(o)).run();
    }

    private static ListStateDescriptor<Long> longs() {
        return new ListStateDescriptor<>("longs", Long.class);
    }

    private static ListStateDescriptor<String> strings() {
        return new ListStateDescriptor<>("strings", String.class);
    }

    /** Strings of lengths 0..~2000, full of the delimiter byte, also at the start and end. */
    private static List<String> awkwardStrings(long key) {
        List<String> s = new ArrayList<>();
        s.add("");
        s.add(DELIMITER);
        s.add(DELIMITER + DELIMITER + "k" + key + DELIMITER);
        s.add("a" + DELIMITER.repeat(300) + "z");
        s.add("x".repeat(2000 + (int) key));
        s.add("\u0000" + DELIMITER + "\u002c\uffff" + key);
        return s;
    }

    private static List<Long> keysIn(KeyGroupRange range, long from, long to) {
        return LongStream.range(from, to).filter(k -> range.contains(KeyGroupRangeAssignment.assignToKeyGroup(k, MAX_PARALLELISM)))
                .boxed().toList();
    }

    /** Per key: longs added one by one (one containing delimiter bytes) then appended with addAll; strings added one by one. */
    private static void fill(SnapshotableKeyedStateBackend<Long> b, List<Long> keys, int perKey) throws Exception {
        ListState<Long> longs = b.getPartitionedState(longs());
        ListState<String> strings = b.getPartitionedState(strings());
        for (long k : keys) {
            b.setCurrentKey(k);
            for (int i = 0; i < perKey; i++) {
                longs.add(k * 1000 + i);
            }
            longs.addAll(List.of(0x2C2C2C2C2C2C2C2CL, -k));
            for (String s : awkwardStrings(k)) {
                strings.add(s);
            }
        }
    }

    private static void verify(SnapshotableKeyedStateBackend<Long> b, List<Long> keys, int perKey) throws Exception {
        ListState<Long> longs = b.getPartitionedState(longs());
        ListState<String> strings = b.getPartitionedState(strings());
        for (long k : keys) {
            b.setCurrentKey(k);
            List<Long> expected = new ArrayList<>();
            for (int i = 0; i < perKey; i++) {
                expected.add(k * 1000 + i);
            }
            expected.add(0x2C2C2C2C2C2C2C2CL);
            expected.add(-k);
            assertThat(longs.get()).as("longs of key %d", k).containsExactlyElementsOf(expected);
            assertThat(strings.get()).as("strings of key %d", k).containsExactlyElementsOf(awkwardStrings(k));
        }
    }

    @Test
    void fiveThousandAddsReadBackInOrderBeforeAndAfterCompaction() throws Exception {
        RocksDBKeyedStateBackend<Long> b = rocks(1, 0);
        ListState<Long> list = b.getPartitionedState(longs());
        b.setCurrentKey(7L);
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < 5_000; i++) {
            list.add(i);
            expected.add(i);
            if (i == 2_500) {
                b.compactAll(); // half the operands merged into an SST file, the rest in the memtable
            }
        }
        assertThat(list.get()).containsExactlyElementsOf(expected);
        b.compactAll();
        assertThat(list.get()).containsExactlyElementsOf(expected);
        assertThat(b.countEntries("longs")).isEqualTo(1);
    }

    @Test
    void addAllAndUpdateMixWithAdd() throws Exception {
        RocksDBKeyedStateBackend<Long> b = rocks(1, 0);
        ListState<Long> list = b.getPartitionedState(longs());
        b.setCurrentKey(1L);
        list.addAll(List.of(1L, 2L));
        list.add(3L);
        list.addAll(List.of());
        list.addAll(List.of(4L, 5L, 6L));
        assertThat(list.get()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);

        list.update(List.of(10L, 11L));
        list.add(12L);
        list.addAll(List.of(13L));
        assertThat(list.get()).containsExactly(10L, 11L, 12L, 13L);

        list.update(List.of());
        assertThat(list.get()).isEmpty();
        assertThat(b.countEntries("longs")).isZero();
        list.add(20L);
        assertThat(list.get()).containsExactly(20L);
        list.clear();
        list.addAll(List.of(30L, 31L));
        assertThat(list.get()).containsExactly(30L, 31L);

        b.setCurrentKey(2L);
        assertThat(list.get()).isEmpty();
    }

    @Test
    void elementsContainingTheDelimiterByteRoundTrip() throws Exception {
        RocksDBKeyedStateBackend<Long> b = rocks(1, 0);
        fill(b, List.of(1L, 2L, 3L), 3);
        verify(b, List.of(1L, 2L, 3L), 3);
        b.compactAll();
        verify(b, List.of(1L, 2L, 3L), 3);
    }

    @Test
    void incrementalCheckpointWithUnmergedOperandsRestoresInPlaceAndRescaled() throws Exception {
        RocksDBKeyedStateBackend<Long> first = rocks(2, 0);
        RocksDBKeyedStateBackend<Long> second = rocks(2, 1);
        List<Long> firstKeys = keysIn(first.getKeyGroupRange(), 0, 60);
        List<Long> secondKeys = keysIn(second.getKeyGroupRange(), 0, 60);
        fill(first, firstKeys, 2);
        fill(second, secondKeys, 2);
        snapshot(first, false); // flushed: operands in one SST file ...
        snapshot(second, false);
        appendMore(first, firstKeys); // ... and more operands of the same keys in the next
        appendMore(second, secondKeys);
        KeyedStateHandleProto h1 = snapshot(first, false);
        KeyedStateHandleProto h2 = snapshot(second, false);
        assertThat(h1.hasIncremental()).isTrue();

        RocksDBKeyedStateBackend<Long> same = rocks(2, 0);
        same.restore(List.of(h1), tmp);
        verifyWithMore(same, firstKeys);

        RocksDBKeyedStateBackend<Long> merged = rocks(1, 0);
        merged.restore(List.of(h1, h2), tmp);
        List<Long> all = keysIn(merged.getKeyGroupRange(), 0, 60);
        verifyWithMore(merged, all);
        ListState<Long> longs = merged.getPartitionedState(longs());
        merged.setCurrentKey(all.get(0));
        longs.add(99L);
        assertThat(longs.get()).endsWith(-all.get(0) - 1, 99L);
    }

    private static void appendMore(SnapshotableKeyedStateBackend<Long> b, List<Long> keys) throws Exception {
        ListState<Long> longs = b.getPartitionedState(longs());
        for (long k : keys) {
            b.setCurrentKey(k);
            longs.add(-k - 1);
        }
    }

    private static void verifyWithMore(SnapshotableKeyedStateBackend<Long> b, List<Long> keys) throws Exception {
        ListState<Long> longs = b.getPartitionedState(longs());
        ListState<String> strings = b.getPartitionedState(strings());
        for (long k : keys) {
            b.setCurrentKey(k);
            assertThat(longs.get()).as("longs of key %d", k).containsExactly(k * 1000, k * 1000 + 1, 0x2C2C2C2C2C2C2C2CL, -k, -k - 1);
            assertThat(strings.get()).as("strings of key %d", k).containsExactlyElementsOf(awkwardStrings(k));
        }
    }

    @Test
    void canonicalSavepointRestoresIntoHeapAndBackIntoRocksDB() throws Exception {
        RocksDBKeyedStateBackend<Long> source = rocks(1, 0);
        List<Long> keys = keysIn(source.getKeyGroupRange(), 0, 100);
        fill(source, keys, 20);
        KeyedStateHandleProto savepoint = snapshot(source, true);
        assertThat(savepoint.hasKeyGroups()).isTrue();

        List<Long> heapKeys = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            HeapKeyedStateBackend<Long> heap = heap(2, i);
            heap.restore(List.of(savepoint), tmp);
            List<Long> own = keysIn(heap.getKeyGroupRange(), 0, 100);
            verify(heap, own, 20);
            if (i == 0) {
                KeyedStateHandleProto back = snapshot(heap, true);
                RocksDBKeyedStateBackend<Long> again = rocks(2, 0);
                again.restore(List.of(back), tmp);
                verify(again, own, 20);
                heapKeys.addAll(own);
            }
        }
        assertThat(heapKeys).isNotEmpty();
    }

    @Test
    void listsRestoredIncrementallyButNotRegisteredStillSnapshotCanonically() throws Exception {
        RocksDBKeyedStateBackend<Long> source = rocks(1, 0);
        List<Long> keys = keysIn(source.getKeyGroupRange(), 0, 30);
        fill(source, keys, 4);
        KeyedStateHandleProto incremental = snapshot(source, false);

        RocksDBKeyedStateBackend<Long> middle = rocks(1, 0);
        middle.restore(List.of(incremental), tmp);
        KeyedStateHandleProto savepoint = snapshot(middle, true); // no list state registered: no element serializer known

        HeapKeyedStateBackend<Long> heap = heap(1, 0);
        heap.restore(List.of(savepoint), tmp);
        verify(heap, keys, 4);
    }

    @Test
    void ttlListAppendsExpirePerElementAndCleanupInFullSnapshotDropsExpiredOnes() throws Exception {
        ListStateDescriptor<Long> descriptor = new ListStateDescriptor<>("ttl", Long.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(10)).disableCleanupInBackground().cleanupFullSnapshot().build());
        RocksDBKeyedStateBackend<Long> b = rocks(1, 0);
        ListState<Long> list = b.getPartitionedState(descriptor);
        b.setCurrentKey(1L);
        now = 0;
        list.add(1L);
        list.addAll(List.of(2L, 3L));
        now = 5;
        list.add(4L);
        b.setCurrentKey(2L);
        list.add(5L);
        now = 12;
        KeyedStateHandleProto savepoint = snapshot(b, true);
        b.setCurrentKey(1L);
        assertThat(list.get()).containsExactly(4L);
        b.setCurrentKey(2L);
        assertThat(list.get()).containsExactly(5L);

        HeapKeyedStateBackend<Long> heap = heap(1, 0);
        heap.restore(List.of(savepoint), tmp);
        ListState<Long> restored = heap.getPartitionedState(descriptor);
        heap.setCurrentKey(1L);
        assertThat(restored.get()).containsExactly(4L);
        now = 15;
        heap.setCurrentKey(2L);
        assertThat(restored.get()).as("expired at 15 (written at 5, TTL 10)").isEmpty();
    }
}
