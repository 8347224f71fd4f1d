package dev.eddy.runtime.taskmanager.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.api.common.state.AggregatingState;
import dev.eddy.api.common.state.AggregatingStateDescriptor;
import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.MapState;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.ReducingState;
import dev.eddy.api.common.state.ReducingStateDescriptor;
import dev.eddy.api.common.state.StateTtlConfig;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.proto.IncrementalStateHandleProto;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.taskmanager.checkpoint.AsyncSnapshot;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import dev.eddy.runtime.taskmanager.testutil.MutableBox;
import dev.eddy.runtime.taskmanager.testutil.MutableBoxSerializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeapSnapshotRestoreTest {
    @TempDir
    Path dir;

    private static final ValueStateDescriptor<Long> VALUE = new ValueStateDescriptor<>("value", Long.class);
    private static final ListStateDescriptor<String> LIST = new ListStateDescriptor<>("list", String.class);
    private static final MapStateDescriptor<String, Long> MAP = new MapStateDescriptor<>("map", String.class, Long.class);
    private static final ReducingStateDescriptor<Long> REDUCING = new ReducingStateDescriptor<>("reducing", Long::sum, Long.class);
    private static final AggregatingStateDescriptor<Long, long[], Double> AVG =
            new AggregatingStateDescriptor<>("avg", new Average(), (dev.eddy.api.common.typeinfo.TypeInformation<long[]>) (dev.eddy.api.common.typeinfo.TypeInformation<?>) Types.PRIMITIVE_ARRAY(Types.LONG));

    /** Average of longs with a long[]{sum, count} accumulator (a mutable accumulator). */
    static final class Average implements AggregateFunction<Long, long[], Double> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Long value, long[] acc) {
            acc[0] += value;
            acc[1]++;
            return acc;
        }

        @Override
        public Double getResult(long[] acc) {
            return (double) acc[0] / acc[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    private CheckpointStreamFactory streams(long id) {
        return CheckpointStreamFactory.forOptions(options(id));
    }

    private CheckpointOptions options(long id) {
        return new CheckpointOptions(false, true, dir.resolve("chk-" + id), dir.resolve("shared"), false);
    }

    private KeyedStateHandleProto snapshot(HeapKeyedStateBackend<Long> backend, long id) throws Exception {
        return backend.snapshot(id, options(id), streams(id)).run();
    }

    private static void fill(HeapKeyedStateBackend<Long> b, long keys) throws Exception {
        ValueState<Long> v = b.getPartitionedState(VALUE);
        ListState<String> l = b.getPartitionedState(LIST);
        MapState<String, Long> m = b.getPartitionedState(MAP);
        ReducingState<Long> r = b.getPartitionedState(REDUCING);
        AggregatingState<Long, Double> a = b.getPartitionedState(AVG);
        for (long k = 0; k < keys; k++) {
            b.setCurrentKey(k);
            v.update(k * 10);
            l.add("a" + k);
            l.add("b" + k);
            m.put("x", k);
            m.put("nullValue", null);
            r.add(k);
            r.add(1L);
            a.add(k);
            a.add(k + 2);
        }
    }

    private static void assertKey(HeapKeyedStateBackend<Long> b, long k) throws Exception {
        b.setCurrentKey(k);
        assertThat(b.getPartitionedState(VALUE).value()).isEqualTo(k * 10);
        assertThat(b.getPartitionedState(LIST).get()).containsExactly("a" + k, "b" + k);
        MapState<String, Long> m = b.getPartitionedState(MAP);
        assertThat(m.get("x")).isEqualTo(k);
        assertThat(m.contains("nullValue")).isTrue();
        assertThat(m.get("nullValue")).isNull();
        assertThat(b.getPartitionedState(REDUCING).get()).isEqualTo(k + 1);
        assertThat(b.getPartitionedState(AVG).get()).isEqualTo(k + 1.0);
    }

    @Test
    void everyStateKindSurvivesSnapshotAndRestore() throws Exception {
        HeapKeyedStateBackend<Long> original = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);
        fill(original, 40);
        KeyedStateHandleProto handle = snapshot(original, 1);
        assertThat(handle.getKeyGroups().getOffsetsCount()).isEqualTo(128);
        assertThat(handle.getKeyGroups().getSize()).isEqualTo(Files.size(Path.of(handle.getKeyGroups().getPath())));
        assertThat(handle.getKeyGroups().getOffsetsList()).contains(-1L); // 40 keys leave some of 128 key groups empty

        HeapKeyedStateBackend<Long> restored = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);
        restored.restore(List.of(handle), dir);
        for (long k = 0; k < 40; k++) {
            assertKey(restored, k);
        }
        restored.setCurrentKey(1000L);
        assertThat(restored.getPartitionedState(VALUE).value()).isNull();
    }

    @Test
    void restoreKeepsOnlyTheKeyGroupsOfItsRange() throws Exception {
        HeapKeyedStateBackend<Long> original = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);
        fill(original, 60);
        KeyedStateHandleProto handle = snapshot(original, 1);
        int total = 0;
        for (int i = 0; i < 3; i++) {
            HeapKeyedStateBackend<Long> part = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 3, i);
            part.restore(List.of(handle), dir);
            part.getPartitionedState(VALUE);
            int n = part.getStateTable("value").size();
            total += n;
            for (long k = 0; k < 60; k++) {
                if (part.getKeyGroupRange().contains(KeyGroupRangeAssignment.assignToKeyGroup(k, 128))) {
                    assertKey(part, k);
                }
            }
            assertThat(n).isLessThan(60);
        }
        assertThat(total).isEqualTo(60);
    }

    @Test
    void scaleInMergesHandlesOfSeveralOldSubtasks() throws Exception {
        List<KeyedStateHandleProto> handles = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HeapKeyedStateBackend<Long> old = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 3, i);
            ValueState<Long> v = old.getPartitionedState(VALUE);
            for (long k = 0; k < 50; k++) {
                if (old.getKeyGroupRange().contains(KeyGroupRangeAssignment.assignToKeyGroup(k, 128))) {
                    old.setCurrentKey(k);
                    v.update(k * 10);
                }
            }
            handles.add(snapshot(old, 7));
        }
        HeapKeyedStateBackend<Long> merged = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);
        merged.restore(handles, dir);
        ValueState<Long> v = merged.getPartitionedState(VALUE);
        for (long k = 0; k < 50; k++) {
            merged.setCurrentKey(k);
            assertThat(v.value()).isEqualTo(k * 10);
        }
    }

    @Test
    void changesAfterTheSynchronousPartDoNotLeakIntoTheSnapshot() throws Exception {
        HeapKeyedStateBackend<Long> backend = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);
        ValueStateDescriptor<MutableBox> boxDesc = new ValueStateDescriptor<>("box", new MutableBoxSerializer());
        ValueState<MutableBox> box = backend.getPartitionedState(boxDesc);
        ListState<String> list = backend.getPartitionedState(LIST);
        MapState<String, Long> map = backend.getPartitionedState(MAP);
        ValueState<Long> value = backend.getPartitionedState(VALUE);
        for (long k = 0; k < 10; k++) {
            backend.setCurrentKey(k);
            box.update(new MutableBox(k));
            list.add("old" + k);
            map.put("m", k);
            value.update(k);
        }
        AsyncSnapshot<KeyedStateHandleProto> pending = backend.snapshot(1, options(1), streams(1));
        for (long k = 0; k < 10; k++) {
            backend.setCurrentKey(k);
            box.value().value = 1000 + k; // in-place mutation of the value read from state
            list.add("new" + k);
            map.put("m", -k);
            map.put("added", 1L);
            value.clear();
        }
        backend.setCurrentKey(11L);
        value.update(11L);
        KeyedStateHandleProto handle = pending.run();

        // the live state has the changes
        backend.setCurrentKey(3L);
        assertThat(box.value().value).isEqualTo(1003);
        assertThat(list.get()).containsExactly("old3", "new3");
        assertThat(value.value()).isNull();

        HeapKeyedStateBackend<Long> restored = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);
        restored.restore(List.of(handle), dir);
        ValueState<MutableBox> rBox = restored.getPartitionedState(boxDesc);
        ListState<String> rList = restored.getPartitionedState(LIST);
        MapState<String, Long> rMap = restored.getPartitionedState(MAP);
        ValueState<Long> rValue = restored.getPartitionedState(VALUE);
        for (long k = 0; k < 10; k++) {
            restored.setCurrentKey(k);
            assertThat(rBox.value().value).isEqualTo(k);
            assertThat(rList.get()).containsExactly("old" + k);
            assertThat(rMap.get("m")).isEqualTo(k);
            assertThat(rMap.contains("added")).isFalse();
            assertThat(rValue.value()).isEqualTo(k);
        }
        restored.setCurrentKey(11L);
        assertThat(rValue.value()).isNull();
    }

    @Test
    void aStateNotYetRequestedIsWrittenBackUnchanged() throws Exception {
        HeapKeyedStateBackend<Long> original = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);
        fill(original, 20);
        KeyedStateHandleProto first = snapshot(original, 1);

        HeapKeyedStateBackend<Long> middle = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);
        middle.restore(List.of(first), dir);
        assertThat(middle.getUndecodedStateNames()).containsExactlyInAnyOrder("value", "list", "map", "reducing", "avg");
        ValueState<Long> v = middle.getPartitionedState(VALUE); // only this one is decoded
        middle.setCurrentKey(5L);
        v.update(555L);
        assertThat(middle.getUndecodedStateNames()).doesNotContain("value").contains("list");
        KeyedStateHandleProto second = snapshot(middle, 2);

        HeapKeyedStateBackend<Long> last = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);
        last.restore(List.of(second), dir);
        for (long k = 0; k < 20; k++) {
            if (k != 5) {
                assertKey(last, k);
            }
        }
        last.setCurrentKey(5L);
        assertThat(last.getPartitionedState(VALUE).value()).isEqualTo(555L);
        assertThat(last.getPartitionedState(LIST).get()).containsExactly("a5", "b5");
    }

    @Test
    void requestingARestoredStateAsAnotherKindFails() throws Exception {
        HeapKeyedStateBackend<Long> original = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);
        fill(original, 5);
        KeyedStateHandleProto handle = snapshot(original, 1);
        HeapKeyedStateBackend<Long> restored = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);
        restored.restore(List.of(handle), dir);
        assertThatThrownBy(() -> restored.getPartitionedState(new ListStateDescriptor<>("value", Long.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'value'").hasMessageContaining("restored as VALUE")
                .hasMessageContaining("LIST");
    }

    @Test
    void ttlTimestampsSurviveSnapshotAndRestore() throws Exception {
        AtomicLong now = new AtomicLong(1_000);
        StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMillis(100)).disableCleanupInBackground().build();
        ValueStateDescriptor<Long> vd = new ValueStateDescriptor<>("tv", Long.class);
        vd.enableTimeToLive(ttl);
        ListStateDescriptor<Long> ld = new ListStateDescriptor<>("tl", Long.class);
        ld.enableTimeToLive(ttl);
        MapStateDescriptor<String, Long> md = new MapStateDescriptor<>("tm", String.class, Long.class);
        md.enableTimeToLive(ttl);
        HeapKeyedStateBackend<Long> original = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0, now::get);
        original.setCurrentKey(1L);
        original.getPartitionedState(vd).update(1L);
        original.getPartitionedState(ld).add(1L);
        original.getPartitionedState(md).put("early", 1L);
        now.set(1_060);
        original.getPartitionedState(ld).add(2L);
        original.getPartitionedState(md).put("late", 2L);
        KeyedStateHandleProto handle = snapshot(original, 1);

        HeapKeyedStateBackend<Long> restored = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0, now::get);
        restored.restore(List.of(handle), dir);
        now.set(1_120); // written at 1000: expired; written at 1060: alive
        restored.setCurrentKey(1L);
        assertThat(restored.getPartitionedState(vd).value()).isNull();
        assertThat(restored.getPartitionedState(ld).get()).containsExactly(2L);
        MapState<String, Long> m = restored.getPartitionedState(md);
        assertThat(m.get("early")).isNull();
        assertThat(m.get("late")).isEqualTo(2L);
    }

    @Test
    void snapshotWithoutKeySerializerFailsClearly() throws Exception {
        HeapKeyedStateBackend<Long> backend = HeapKeyedStateBackend.forSubtask(null, 128, 1, 0);
        backend.setCurrentKey(1L);
        backend.getPartitionedState(VALUE).update(1L);
        assertThatThrownBy(() -> backend.snapshot(1, options(1), streams(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no key serializer");
    }

    @Test
    void emptyBackendHasNoHandle() throws Exception {
        HeapKeyedStateBackend<Long> backend = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);
        assertThat(backend.snapshot(1, options(1), streams(1)).run()).isNull();
        ValueState<Long> v = backend.getPartitionedState(VALUE);
        backend.setCurrentKey(1L);
        v.update(1L);
        v.clear(); // registered but empty: still nothing to write
        assertThat(backend.snapshot(2, options(2), streams(2)).run()).isNull();
    }

    @Test
    void incrementalHandlesAreRejectedWithAHint() {
        HeapKeyedStateBackend<Long> backend = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);
        KeyedStateHandleProto inc = KeyedStateHandleProto.newBuilder()
                .setIncremental(IncrementalStateHandleProto.newBuilder().setStartKeyGroup(0).setEndKeyGroup(127)).build();
        assertThatThrownBy(() -> backend.restore(List.of(inc), dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("incremental RocksDB").hasMessageContaining("savepoint");
    }

    @Test
    void relativePathsResolveAgainstTheBaseDirectory() throws Exception {
        HeapKeyedStateBackend<Long> original = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);
        fill(original, 5);
        KeyedStateHandleProto handle = snapshot(original, 1);
        Path abs = Path.of(handle.getKeyGroups().getPath());
        Path moved = dir.resolve("moved");
        Files.createDirectories(moved);
        Files.move(abs, moved.resolve(abs.getFileName()));
        KeyedStateHandleProto relative = handle.toBuilder()
                .setKeyGroups(handle.getKeyGroups().toBuilder().setPath(abs.getFileName().toString())).build();
        HeapKeyedStateBackend<Long> restored = HeapKeyedStateBackend.forSubtask(new LongSerializer(), 128, 1, 0);
        restored.restore(List.of(relative), moved);
        assertKey(restored, 3);
    }
}
