package dev.eddy.runtime.taskmanager.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.state.AggregatingState;
import dev.eddy.api.common.state.AggregatingStateDescriptor;
import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.MapState;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.ReducingState;
import dev.eddy.api.common.state.ReducingStateDescriptor;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.proto.IncrementalStateHandleProto;
import dev.eddy.proto.KeyGroupsStateHandleProto;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.runtime.taskmanager.checkpoint.AsyncSnapshot;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory;
import dev.eddy.runtime.taskmanager.state.KeyGroupStateFormat;
import dev.eddy.runtime.taskmanager.state.heap.HeapKeyedStateBackend;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDBSnapshotTest {
    private static final int MAX_PARALLELISM = 128;

    @TempDir
    Path tmp;
    private final List<KeyedStateBackend<?>> backends = new ArrayList<>();

    @AfterEach
    void disposeAll() {
        backends.forEach(KeyedStateBackend::dispose);
    }

    private RocksDBKeyedStateBackend<Long> rocks(int parallelism, int index, boolean incremental) {
        RocksDBKeyedStateBackend<Long> b = RocksDBKeyedStateBackend.forSubtask(new LongSerializer(), MAX_PARALLELISM, parallelism, index,
                tmp.resolve("local"), "op-" + index, incremental);
        backends.add(b);
        return b;
    }

    // ---- the five state kinds, written and checked through the backend-independent interface ----

    private static ValueStateDescriptor<String> valueDesc() {
        return new ValueStateDescriptor<>("value", String.class);
    }

    private static ListStateDescriptor<Long> listDesc() {
        return new ListStateDescriptor<>("list", Long.class);
    }

    private static MapStateDescriptor<String, Integer> mapDesc() {
        return new MapStateDescriptor<>("map", String.class, Integer.class);
    }

    private static ReducingStateDescriptor<Long> reducingDesc() {
        return new ReducingStateDescriptor<>("reducing", Long::sum, Long.class);
    }

    private static AggregatingStateDescriptor<Long, long[], Double> aggregatingDesc() {
        return new AggregatingStateDescriptor<>("aggregating", new RocksDBStateKindsTest.Average(), long[].class);
    }

    /** Keys in [from, to) owned by {@code range}. */
    private static List<Long> keysIn(KeyGroupRange range, long from, long to) {
        List<Long> keys = new ArrayList<>();
        for (long k = from; k < to; k++) {
            if (range.contains(KeyGroupRangeAssignment.assignToKeyGroup(k, MAX_PARALLELISM))) {
                keys.add(k);
            }
        }
        return keys;
    }

    private static void fill(KeyedStateBackend<Long> b, List<Long> keys) throws Exception {
        ValueState<String> value = b.getPartitionedState(valueDesc());
        ListState<Long> list = b.getPartitionedState(listDesc());
        MapState<String, Integer> map = b.getPartitionedState(mapDesc());
        ReducingState<Long> reducing = b.getPartitionedState(reducingDesc());
        AggregatingState<Long, Double> aggregating = b.getPartitionedState(aggregatingDesc());
        for (long k : keys) {
            b.setCurrentKey(k);
            value.update("v" + k);
            list.add(k);
            list.add(k + 1);
            map.put("a", (int) k);
            map.put("n", null);
            reducing.add(k);
            reducing.add(2 * k);
            aggregating.add(k);
            aggregating.add(k + 2);
        }
    }

    private static void verify(KeyedStateBackend<Long> b, List<Long> keys) throws Exception {
        ValueState<String> value = b.getPartitionedState(valueDesc());
        ListState<Long> list = b.getPartitionedState(listDesc());
        MapState<String, Integer> map = b.getPartitionedState(mapDesc());
        ReducingState<Long> reducing = b.getPartitionedState(reducingDesc());
        AggregatingState<Long, Double> aggregating = b.getPartitionedState(aggregatingDesc());
        for (long k : keys) {
            b.setCurrentKey(k);
            assertThat(value.value()).as("value of key %d", k).isEqualTo("v" + k);
            assertThat(list.get()).as("list of key %d", k).containsExactly(k, k + 1);
            Map<String, Integer> expected = new HashMap<>();
            expected.put("a", (int) k);
            expected.put("n", null);
            Map<String, Integer> actual = new HashMap<>();
            map.entries().forEach(e -> actual.put(e.getKey(), e.getValue()));
            assertThat(actual).as("map of key %d", k).isEqualTo(expected);
            assertThat(map.contains("n")).isTrue();
            assertThat(reducing.get()).as("reducing of key %d", k).isEqualTo(3 * k);
            assertThat(aggregating.get()).as("aggregating of key %d", k).isEqualTo(k + 1.0);
        }
    }

    // ---- snapshot helpers ----

    private CheckpointOptions options(long id, boolean savepoint) {
        return new CheckpointOptions(savepoint, true, tmp.resolve(savepoint ? "savepoint-" + id : "chk-" + id),
                savepoint ? null : tmp.resolve("shared"), false);
    }

    /** Runs both parts of a snapshot (savepoint, or checkpoint with the job's shared directory). */
    private KeyedStateHandleProto snapshot(RocksDBKeyedStateBackend<Long> b, long id, boolean savepoint) throws Exception {
        CheckpointOptions o = options(id, savepoint);
        AsyncSnapshot<KeyedStateHandleProto> async = b.snapshot(id, o, CheckpointStreamFactory.forOptions(o));
        KeyedStateHandleProto handle = async.run();
        assertThat(localCheckpointDirs(b)).as("native checkpoint dirs left after the async part").isEmpty();
        return handle;
    }

    private static List<Path> localCheckpointDirs(RocksDBKeyedStateBackend<?> b) throws Exception {
        try (Stream<Path> s = Files.list(b.getDirectory())) {
            return s.filter(p -> p.getFileName().toString().startsWith("chk-")).toList();
        }
    }

    // ---- canonical ----

    @Test
    void savepointRoundTripsEveryStateKindInTheCanonicalFormat() throws Exception {
        RocksDBKeyedStateBackend<Long> source = rocks(1, 0, true);
        List<Long> keys = keysIn(source.getKeyGroupRange(), 0, 300);
        fill(source, keys);

        KeyedStateHandleProto handle = snapshot(source, 7, true);

        assertThat(handle.hasKeyGroups()).isTrue();
        assertThat(handle.getKeyGroups().getOffsetsCount()).isEqualTo(MAX_PARALLELISM);
        assertThat(Path.of(handle.getKeyGroups().getPath())).startsWith(tmp.resolve("savepoint-7")).isRegularFile()
                .hasSize(handle.getKeyGroups().getSize());
        RocksDBKeyedStateBackend<Long> restored = rocks(1, 0, true);
        restored.restore(List.of(handle), tmp.resolve("savepoint-7"));
        verify(restored, keys);
        restored.setCurrentKey(100_000L);
        assertThat(restored.getPartitionedState(valueDesc()).value()).isNull();
    }

    @Test
    void nonIncrementalCheckpointsAreCanonicalAndRescaleFromTwoIntoOne() throws Exception {
        RocksDBKeyedStateBackend<Long> first = rocks(2, 0, false);
        RocksDBKeyedStateBackend<Long> second = rocks(2, 1, false);
        List<Long> firstKeys = keysIn(first.getKeyGroupRange(), 0, 200);
        List<Long> secondKeys = keysIn(second.getKeyGroupRange(), 0, 200);
        fill(first, firstKeys);
        fill(second, secondKeys);

        KeyedStateHandleProto h1 = snapshot(first, 1, false);
        KeyedStateHandleProto h2 = snapshot(second, 1, false);

        assertThat(h1.hasKeyGroups()).isTrue();
        assertThat(h1.getKeyGroups().getStartKeyGroup()).isEqualTo(0);
        assertThat(h2.getKeyGroups().getStartKeyGroup()).isEqualTo(64);
        RocksDBKeyedStateBackend<Long> merged = rocks(1, 0, false);
        merged.restore(List.of(h1, h2), tmp);
        verify(merged, keysIn(merged.getKeyGroupRange(), 0, 200));
    }

    @Test
    void restoredStatesNotYetRegisteredAreWrittenBackUnchanged() throws Exception {
        RocksDBKeyedStateBackend<Long> source = rocks(1, 0, true);
        List<Long> keys = keysIn(source.getKeyGroupRange(), 0, 100);
        fill(source, keys);
        KeyedStateHandleProto savepoint = snapshot(source, 1, true);

        RocksDBKeyedStateBackend<Long> middle = rocks(1, 0, true);
        middle.restore(List.of(savepoint), tmp);
        middle.getPartitionedState(valueDesc()); // one registered, four kept as bytes
        KeyedStateHandleProto checkpoint = snapshot(middle, 2, false);

        assertThat(checkpoint.hasKeyGroups()).as("kept bytes force a canonical checkpoint").isTrue();
        RocksDBKeyedStateBackend<Long> last = rocks(1, 0, true);
        last.restore(List.of(checkpoint), tmp);
        verify(last, keys);
    }

    @Test
    void requestingARestoredStateAsAnotherKindFailsClearly() throws Exception {
        RocksDBKeyedStateBackend<Long> source = rocks(1, 0, true);
        fill(source, List.of(1L, 2L));
        KeyedStateHandleProto savepoint = snapshot(source, 1, true);
        KeyedStateHandleProto incremental = snapshot(source, 2, false);

        for (KeyedStateHandleProto handle : List.of(savepoint, incremental)) {
            RocksDBKeyedStateBackend<Long> restored = rocks(1, 0, true);
            restored.restore(List.of(handle), tmp);
            assertThatThrownBy(() -> restored.getPartitionedState(new ListStateDescriptor<>("value", String.class)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'value'").hasMessageContaining("VALUE").hasMessageContaining("LIST");
        }
    }

    @Test
    void emptyBackendSnapshotsToNothingCanonicallyAndRestoresFromAnEmptyIncrementalCheckpoint() throws Exception {
        RocksDBKeyedStateBackend<Long> empty = rocks(1, 0, true);
        assertThat(snapshot(empty, 1, true)).isNull();
        KeyedStateHandleProto incremental = snapshot(empty, 2, false);
        RocksDBKeyedStateBackend<Long> restored = rocks(1, 0, true);
        restored.restore(List.of(incremental), tmp);
        restored.setCurrentKey(5L);
        assertThat(restored.getPartitionedState(valueDesc()).value()).isNull();
    }

    @Test
    void discardDeletesTheNativeCheckpoint() throws Exception {
        RocksDBKeyedStateBackend<Long> b = rocks(1, 0, true);
        fill(b, List.of(1L));
        CheckpointOptions o = options(1, false);
        AsyncSnapshot<KeyedStateHandleProto> async = b.snapshot(1, o, CheckpointStreamFactory.forOptions(o));
        assertThat(localCheckpointDirs(b)).hasSize(1);
        async.discard();
        assertThat(localCheckpointDirs(b)).isEmpty();
    }

    // ---- incremental ----

    @Test
    void secondIncrementalCheckpointUploadsOnlyNewSstFiles() throws Exception {
        RocksDBKeyedStateBackend<Long> b = rocks(1, 0, true);
        fill(b, keysIn(b.getKeyGroupRange(), 0, 2000));
        IncrementalStateHandleProto cp1 = snapshot(b, 1, false).getIncremental();
        fill(b, keysIn(b.getKeyGroupRange(), 2000, 2050));
        IncrementalStateHandleProto cp2 = snapshot(b, 2, false).getIncremental();

        System.out.printf("incremental checkpoint sizes: cp1 %d bytes in %d shared files, cp2 %d bytes (%d shared files)%n",
                cp1.getIncrementalSize(), cp1.getSharedFilesCount(), cp2.getIncrementalSize(), cp2.getSharedFilesCount());
        assertThat(cp1.getBackendId()).isEqualTo(b.getBackendId());
        assertThat(cp1.getStartKeyGroup()).isZero();
        assertThat(cp1.getEndKeyGroup()).isEqualTo(MAX_PARALLELISM - 1);
        assertThat(cp1.getIncrementalSize()).isEqualTo(totalSize(cp1.getSharedFilesList()));
        assertThat(cp2.getIncrementalSize()).isPositive().isLessThan(cp1.getIncrementalSize() / 4);
        assertThat(cp2.getSharedFilesList()).containsAll(cp1.getSharedFilesList());
        Set<String> newFiles = new HashSet<>(cp2.getSharedFilesList());
        cp1.getSharedFilesList().forEach(newFiles::remove);
        assertThat(cp2.getIncrementalSize()).isEqualTo(totalSize(newFiles));
        assertThat(cp2.getPrivateFilesList()).anySatisfy(p -> assertThat(Path.of(p).getFileName().toString()).startsWith("MANIFEST"))
                .allSatisfy(p -> assertThat(Path.of(p)).startsWith(tmp.resolve("chk-2")).isRegularFile());
        for (String s : cp2.getSharedFilesList()) {
            assertThat(Path.of(s)).startsWith(tmp.resolve("shared")).isRegularFile();
            assertThat(Path.of(s).getFileName().toString()).startsWith(b.getBackendId() + "-").endsWith(".sst");
        }

        // a shared file deleted by the JobManager (unreferenced) is uploaded again
        Path gone = Path.of(cp1.getSharedFiles(0));
        long goneSize = Files.size(gone);
        Files.delete(gone);
        IncrementalStateHandleProto cp3 = snapshot(b, 3, false).getIncremental();
        assertThat(gone).isRegularFile();
        assertThat(cp3.getSharedFilesList()).contains(gone.toString());
        assertThat(cp3.getIncrementalSize()).isEqualTo(goneSize);
    }

    @Test
    void filesCompactedAwayAreNotReferencedAndCompactedFilesAreUploaded() throws Exception {
        RocksDBKeyedStateBackend<Long> b = rocks(1, 0, true);
        List<Long> keys = keysIn(b.getKeyGroupRange(), 0, 300);
        fill(b, keys.subList(0, 150));
        IncrementalStateHandleProto cp1 = snapshot(b, 1, false).getIncremental();
        fill(b, keys.subList(150, keys.size()));
        b.compactAll();
        IncrementalStateHandleProto cp2 = snapshot(b, 2, false).getIncremental();

        Set<String> compactedAway = new HashSet<>(cp1.getSharedFilesList());
        cp2.getSharedFilesList().forEach(compactedAway::remove);
        assertThat(compactedAway).as("the five state columns were compacted into new files").hasSizeGreaterThanOrEqualTo(5);
        Set<String> uploaded = new HashSet<>(cp2.getSharedFilesList());
        cp1.getSharedFilesList().forEach(uploaded::remove);
        assertThat(cp2.getIncrementalSize()).isEqualTo(totalSize(uploaded));
        for (String f : compactedAway) {
            Files.delete(Path.of(f)); // what the JobManager does once cp1 is subsumed
        }
        RocksDBKeyedStateBackend<Long> restored = rocks(1, 0, true);
        restored.restore(List.of(KeyedStateHandleProto.newBuilder().setIncremental(cp2).build()), tmp);
        verify(restored, keys);
    }

    @Test
    void decodesCanonicalSectionsWrittenWithTtlTimestamps() throws Exception {
        long key = 42L;
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM);
        DataOutputSerializer group = new DataOutputSerializer(256);
        group.writeInt(3);
        // VALUE with ttl: key, timestamp, value
        DataOutputSerializer entries = new DataOutputSerializer(64);
        entries.writeInt(1);
        new LongSerializer().serialize(key, entries);
        entries.writeLong(123L);
        valueDesc().getSerializer().serialize("hello", entries);
        section(group, "value", KeyGroupStateFormat.VALUE, entries);
        // LIST with ttl: key, n, n x (timestamp, element)
        entries.clear();
        entries.writeInt(1);
        new LongSerializer().serialize(key, entries);
        entries.writeInt(2);
        for (long element : new long[] {7L, 8L}) {
            entries.writeLong(5L);
            new LongSerializer().serialize(element, entries);
        }
        section(group, "list", KeyGroupStateFormat.LIST, entries);
        // MAP with ttl: key, n, n x (userKey, timestamp, isNull, [value])
        entries.clear();
        entries.writeInt(1);
        new LongSerializer().serialize(key, entries);
        entries.writeInt(2);
        var userKeys = mapDesc().getKeyTypeInformation().createSerializer(new dev.eddy.api.common.serialization.SerializerConfig());
        var userValues = mapDesc().getValueTypeInformation().createSerializer(new dev.eddy.api.common.serialization.SerializerConfig());
        userKeys.serialize("a", entries);
        entries.writeLong(9L);
        entries.writeBoolean(false);
        userValues.serialize(1, entries);
        userKeys.serialize("n", entries);
        entries.writeLong(9L);
        entries.writeBoolean(true);
        section(group, "map", KeyGroupStateFormat.MAP, entries);
        Path file = tmp.resolve("heap-written");
        Files.write(file, group.getCopyOfBuffer());
        KeyGroupsStateHandleProto.Builder handle = KeyGroupsStateHandleProto.newBuilder().setPath("heap-written").setStartKeyGroup(keyGroup)
                .addOffsets(0).setSize(group.length());

        RocksDBKeyedStateBackend<Long> b = rocks(1, 0, true);
        b.restore(List.of(KeyedStateHandleProto.newBuilder().setKeyGroups(handle).build()), tmp);
        b.setCurrentKey(key);
        assertThat(b.getPartitionedState(valueDesc()).value()).isEqualTo("hello");
        assertThat(b.getPartitionedState(listDesc()).get()).containsExactly(7L, 8L);
        MapState<String, Integer> map = b.getPartitionedState(mapDesc());
        assertThat(map.get("a")).isEqualTo(1);
        assertThat(map.contains("n")).isTrue();
        assertThat(map.get("n")).isNull();
    }

    private static void section(DataOutputSerializer group, String name, byte kind, DataOutputSerializer entries) throws Exception {
        group.writeUTF(name);
        group.writeByte(kind);
        group.writeByte(1);
        group.writeInt(entries.length());
        group.write(entries.getSharedBuffer(), 0, entries.length());
    }

    private static long totalSize(Iterable<String> files) throws Exception {
        long total = 0;
        for (String f : files) {
            total += Files.size(Path.of(f));
        }
        return total;
    }

    @Test
    void restoresAnIncrementalCheckpointOfTheSameRangeAndKeepsReusingItsSharedFiles() throws Exception {
        RocksDBKeyedStateBackend<Long> b = rocks(1, 0, true);
        List<Long> keys = keysIn(b.getKeyGroupRange(), 0, 500);
        fill(b, keys.subList(0, 400));
        snapshot(b, 1, false);
        fill(b, keys.subList(400, keys.size()));
        IncrementalStateHandleProto cp2 = snapshot(b, 2, false).getIncremental();
        b.dispose();

        RocksDBKeyedStateBackend<Long> restored = rocks(1, 0, true);
        restored.restore(List.of(KeyedStateHandleProto.newBuilder().setIncremental(cp2).build()), tmp);
        verify(restored, keys);
        restored.setCurrentKey(3L);
        restored.getPartitionedState(valueDesc()).update("changed");
        IncrementalStateHandleProto cp3 = snapshot(restored, 3, false).getIncremental();

        assertThat(cp3.getBackendId()).isEqualTo(restored.getBackendId()).isNotEqualTo(cp2.getBackendId());
        assertThat(cp3.getSharedFilesList()).containsAll(cp2.getSharedFilesList());
        assertThat(cp3.getIncrementalSize()).isPositive().isLessThan(totalSize(cp2.getSharedFilesList()));
        RocksDBKeyedStateBackend<Long> again = rocks(1, 0, true);
        again.restore(List.of(KeyedStateHandleProto.newBuilder().setIncremental(cp3).build()), tmp);
        again.setCurrentKey(3L);
        assertThat(again.getPartitionedState(valueDesc()).value()).isEqualTo("changed");
        verify(again, keys.stream().filter(k -> k != 3L).toList());
    }

    @Test
    void rescalesIncrementalCheckpointsFromTwoIntoOneAndFromOneIntoTwo() throws Exception {
        RocksDBKeyedStateBackend<Long> first = rocks(2, 0, true);
        RocksDBKeyedStateBackend<Long> second = rocks(2, 1, true);
        fill(first, keysIn(first.getKeyGroupRange(), 0, 400));
        fill(second, keysIn(second.getKeyGroupRange(), 0, 400));
        KeyedStateHandleProto h1 = snapshot(first, 1, false);
        KeyedStateHandleProto h2 = snapshot(second, 1, false);

        RocksDBKeyedStateBackend<Long> merged = rocks(1, 0, true);
        merged.restore(List.of(h1, h2), tmp);
        List<Long> all = keysIn(merged.getKeyGroupRange(), 0, 400);
        verify(merged, all);
        assertThat(merged.countEntries("value")).isEqualTo(all.size());

        KeyedStateHandleProto whole = snapshot(merged, 2, false);
        for (int i = 0; i < 2; i++) {
            RocksDBKeyedStateBackend<Long> part = rocks(2, i, true);
            part.restore(List.of(whole), tmp);
            List<Long> own = keysIn(part.getKeyGroupRange(), 0, 400);
            verify(part, own);
            assertThat(part.countEntries("value")).as("entries of subtask %d", i).isEqualTo(own.size());
            assertThat(part.countEntries("map")).isEqualTo(2L * own.size());
        }
        try (Stream<Path> s = Files.list(merged.getDirectory())) {
            assertThat(s.map(p -> p.getFileName().toString())).as("scratch dirs removed").noneMatch(n -> n.startsWith("restore-"));
        }
    }

    @Test
    void canonicalSavepointRescalesFromOneIntoTwo() throws Exception {
        RocksDBKeyedStateBackend<Long> source = rocks(1, 0, true);
        fill(source, keysIn(source.getKeyGroupRange(), 0, 300));
        KeyedStateHandleProto savepoint = snapshot(source, 1, true);
        for (int i = 0; i < 2; i++) {
            RocksDBKeyedStateBackend<Long> part = rocks(2, i, true);
            part.restore(List.of(savepoint), tmp);
            List<Long> own = keysIn(part.getKeyGroupRange(), 0, 300);
            verify(part, own);
            assertThat(part.countEntries("list")).isEqualTo(own.size());
        }
    }

    // ---- cross-backend ----

    @Test
    void heapBackendRestoresTheCanonicalBytesOfRocksDB() throws Exception {
        RocksDBKeyedStateBackend<Long> source = rocks(1, 0, true);
        List<Long> keys = keysIn(source.getKeyGroupRange(), 0, 300);
        fill(source, keys);
        KeyedStateHandleProto savepoint = snapshot(source, 1, true);
        for (int i = 0; i < 2; i++) {
            HeapKeyedStateBackend<Long> heap = HeapKeyedStateBackend.forSubtask(new LongSerializer(), MAX_PARALLELISM, 2, i);
            backends.add(heap);
            heap.restore(List.of(savepoint), tmp);
            verify(heap, keysIn(heap.getKeyGroupRange(), 0, 300));
        }
    }

    @Test
    void rocksDBRestoresTheCanonicalBytesOfTheHeapBackend() throws Exception {
        HeapKeyedStateBackend<Long> heap = HeapKeyedStateBackend.forSubtask(new LongSerializer(), MAX_PARALLELISM, 1, 0);
        backends.add(heap);
        List<Long> keys = keysIn(heap.getKeyGroupRange(), 0, 300);
        fill(heap, keys);
        CheckpointOptions o = options(1, true);
        KeyedStateHandleProto savepoint = heap.snapshot(1, o, CheckpointStreamFactory.forOptions(o)).run();
        for (int i = 0; i < 2; i++) {
            RocksDBKeyedStateBackend<Long> part = rocks(2, i, true);
            part.restore(List.of(savepoint), tmp);
            verify(part, keysIn(part.getKeyGroupRange(), 0, 300));
        }
    }
}
