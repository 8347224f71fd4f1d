package dev.eddy.runtime.taskmanager.state.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.functions.ReduceFunction;
import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.proto.OperatorSubtaskStateProto;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.taskmanager.state.StateBackendSettings;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.eddy.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.eddy.streaming.api.windowing.assigners.WindowAssigner;
import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import dev.eddy.streaming.runtime.operators.windowing.WindowOperatorBuilder;
import dev.eddy.streaming.runtime.operators.windowing.functions.InternalIterableWindowFunction;
import dev.eddy.streaming.runtime.operators.windowing.functions.PassThroughWindowFunction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Window operators keep their window contents in namespaced keyed state (the namespace is the
 * window) and merge it for session windows: a run interrupted by a snapshot and a restore (at
 * another parallelism, into the other backend) emits what an uninterrupted run emits.
 */
class WindowStateOnBackendsTest {
    private static final int MAX_PARALLELISM = 128;
    private static final String UID = "window-uid";
    private static final int ELEMENTS = 120;

    @TempDir
    Path dir;

    /** Which window operator a case runs. */
    enum Op {
        /** Merging windows, incremental reduce: a ReducingState merged with mergeNamespaces. */
        SESSION_REDUCE,
        /** Merging windows, all elements kept: a ListState merged with mergeNamespaces. */
        SESSION_LIST,
        /** Overlapping windows: each element in several namespaces of a ListState. */
        SLIDING_LIST
    }

    static Stream<Arguments> cases() {
        StateBackendSettings.Kind heap = StateBackendSettings.Kind.HASHMAP;
        StateBackendSettings.Kind rocks = StateBackendSettings.Kind.ROCKSDB;
        List<Arguments> cases = new ArrayList<>();
        for (Op op : Op.values()) {
            cases.add(Arguments.of(op, heap, heap, 1, 1, false));
            cases.add(Arguments.of(op, rocks, rocks, 1, 1, false));
            cases.add(Arguments.of(op, heap, heap, 2, 3, true));
            cases.add(Arguments.of(op, rocks, rocks, 2, 3, false));
            cases.add(Arguments.of(op, heap, rocks, 2, 1, true));
            cases.add(Arguments.of(op, rocks, heap, 3, 2, true));
        }
        return cases.stream();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static OneInputStreamOperator<Long, Long> operator(Op op) {
        WindowAssigner<Object, TimeWindow> assigner = op == Op.SLIDING_LIST
                ? (WindowAssigner) SlidingEventTimeWindows.of(Duration.ofMillis(30), Duration.ofMillis(10))
                : (WindowAssigner) EventTimeSessionWindows.withGap(Duration.ofMillis(12));
        WindowOperatorBuilder<Long, Long, TimeWindow> builder = new WindowOperatorBuilder<>(assigner, Types.LONG, new SerializerConfig());
        InternalIterableWindowFunction<Long, Long, Long, TimeWindow> passThrough =
                new InternalIterableWindowFunction<>(new PassThroughWindowFunction<Long, TimeWindow, Long>());
        if (op == Op.SESSION_REDUCE) {
            return builder.reduce((ReduceFunction<Long>) Long::sum, passThrough);
        }
        return builder.process(passThrough);
    }

    private OperatorSnapshotHarness.Spec<Long, Long> spec(Op op, StateBackendSettings.Kind kind, String subdir) {
        OperatorSnapshotHarness.BackendFactory backends = kind == StateBackendSettings.Kind.HASHMAP ? Backends.heap()
                : Backends.fromSettings(kind, dir.resolve("rocksdb-" + subdir));
        return new OperatorSnapshotHarness.Spec<>(operator(op), new TestFunctions.Mod7(), Types.LONG.createSerializer(new SerializerConfig()),
                MAX_PARALLELISM, backends, dir.resolve("checkpoints"), UID);
    }

    /** Out-of-order timestamps in [0, 400), so sessions form, grow and merge across the snapshot. */
    private static long timestamp(long i) {
        return (i * 137) % 400;
    }

    /** The watermark after element {@code i} (every 20 elements), trailing the timestamps seen by 150 ms. */
    private static Long watermarkAfter(long i) {
        return (i + 1) % 20 == 0 ? (i + 1) * 400 / ELEMENTS - 150 : null;
    }

    private static void feed(List<OperatorSnapshotHarness<Long, Long>> subtasks, long from, long to, List<Long> out) throws Exception {
        for (long i = from; i < to; i++) {
            long value = i;
            OperatorSnapshotHarness<Long, Long> h = subtasks.get(
                    KeyGroupRangeAssignment.assignKeyToParallelOperator(value % 7, MAX_PARALLELISM, subtasks.size()));
            h.processElement(value, timestamp(i));
            Long watermark = watermarkAfter(i);
            if (watermark != null) {
                for (OperatorSnapshotHarness<Long, Long> s : subtasks) {
                    s.processWatermark(watermark);
                }
            }
            collect(subtasks, out);
        }
    }

    private static void collect(List<OperatorSnapshotHarness<Long, Long>> subtasks, List<Long> out) {
        for (OperatorSnapshotHarness<Long, Long> s : subtasks) {
            out.addAll(s.getOutputValues());
            s.clearOutput();
        }
    }

    private static void finish(List<OperatorSnapshotHarness<Long, Long>> subtasks, List<Long> out) throws Exception {
        for (OperatorSnapshotHarness<Long, Long> s : subtasks) {
            s.processWatermark(Long.MAX_VALUE);
        }
        collect(subtasks, out);
        for (OperatorSnapshotHarness<Long, Long> s : subtasks) {
            s.close();
        }
    }

    private static List<OperatorSnapshotHarness<Long, Long>> open(OperatorSnapshotHarness.Spec<Long, Long> spec, int p,
            List<OperatorSubtaskStateProto> restoreFrom) throws Exception {
        List<OperatorSnapshotHarness<Long, Long>> hs = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            OperatorSnapshotHarness<Long, Long> h = spec.subtask(p, i);
            if (restoreFrom == null) {
                h.open();
            } else {
                h.restoreAndOpen(StateRedistribution.forSubtask(UID, restoreFrom, MAX_PARALLELISM, p, i), 1);
            }
            hs.add(h);
        }
        return hs;
    }

    private List<Long> uninterrupted(Op op) throws Exception {
        List<Long> out = new ArrayList<>();
        List<OperatorSnapshotHarness<Long, Long>> subtasks = open(spec(op, StateBackendSettings.Kind.HASHMAP, "plain"), 1, null);
        feed(subtasks, 0, ELEMENTS, out);
        finish(subtasks, out);
        return out;
    }

    @ParameterizedTest(name = "{0} {1}->{2} p{3}->{4} savepoint={5}")
    @MethodSource("cases")
    void windowsSurviveSnapshotAndRestore(Op op, StateBackendSettings.Kind before, StateBackendSettings.Kind after, int oldP, int newP,
            boolean savepoint) throws Exception {
        List<Long> expected = uninterrupted(op);
        assertThat(expected).as("the input fires windows").hasSizeGreaterThan(10);

        List<Long> out = new ArrayList<>();
        List<OperatorSnapshotHarness<Long, Long>> old = open(spec(op, before, "before"), oldP, null);
        feed(old, 0, ELEMENTS / 2, out);
        List<OperatorSubtaskStateProto> states = new ArrayList<>();
        for (OperatorSnapshotHarness<Long, Long> h : old) {
            states.add(savepoint ? h.savepoint(1) : h.snapshot(1));
            h.close();
        }
        List<OperatorSnapshotHarness<Long, Long>> restored = open(spec(op, after, "after"), newP, states);
        for (OperatorSnapshotHarness<Long, Long> h : restored) {
            h.processWatermark(watermarkAfter(ELEMENTS / 2 - 1)); // watermarks are not state: the sources emit them again
        }
        feed(restored, ELEMENTS / 2, ELEMENTS, out);
        finish(restored, out);

        assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
    }
}
