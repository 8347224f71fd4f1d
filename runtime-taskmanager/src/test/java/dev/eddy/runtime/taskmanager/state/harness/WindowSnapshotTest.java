package dev.eddy.runtime.taskmanager.state.harness;

import static dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.LATE;
import static dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.builder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.proto.OperatorSubtaskStateProto;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.taskmanager.state.StateBackendSettings;
import dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.Concat;
import dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.Describe;
import dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.DescribeApply;
import dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.FirstChar;
import dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.SumValues;
import dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.SumWithFiringCounts;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.eddy.streaming.api.windowing.assigners.GlobalWindows;
import dev.eddy.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.eddy.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.eddy.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import dev.eddy.streaming.api.windowing.evictors.CountEvictor;
import dev.eddy.streaming.api.windowing.triggers.CountTrigger;
import dev.eddy.streaming.api.windowing.windows.GlobalWindow;
import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import dev.eddy.streaming.runtime.operators.windowing.WindowOperatorBuilder;
import dev.eddy.streaming.runtime.operators.windowing.functions.InternalIterableProcessWindowFunction;
import dev.eddy.streaming.runtime.operators.windowing.functions.InternalIterableWindowFunction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Window operators snapshot and restore between elements on both backends: a run interrupted by a
 * snapshot and a restore (same or other parallelism) gives the same output, late side output
 * included, as an uninterrupted run.
 */
class WindowSnapshotTest {
    private static final int MAX_PARALLELISM = 128;
    private static final String UID = "window-uid";

    @TempDir
    Path dir;

    /** One input step: an element, a watermark (all subtasks) or a processing time (all subtasks). */
    private record Step(String element, long time, char kind) {
        static Step element(String e, long ts) {
            return new Step(e, ts, 'e');
        }

        static Step watermark(long ts) {
            return new Step(null, ts, 'w');
        }

        static Step clock(long t) {
            return new Step(null, t, 'p');
        }
    }

    /** Out-of-order input over keys a..e with watermarks, late elements and a clock. */
    private static List<Step> script() {
        List<Step> steps = new ArrayList<>();
        long[] ts = {3, 1, 12, 7, 25, 18, 2, 33, 41, 30, 55, 47, 62, 9, 70, 58, 85, 77, 93, 66};
        String keys = "abcde";
        for (int i = 0; i < ts.length; i++) {
            steps.add(Step.clock(i * 4L));
            steps.add(Step.element(keys.charAt(i % 5) + String.valueOf(ts[i]), ts[i]));
            if (i % 3 == 2) {
                steps.add(Step.watermark(ts[i] - 10));
            }
        }
        steps.add(Step.watermark(200));
        steps.add(Step.clock(500));
        return steps;
    }

    private OperatorSnapshotHarness.Spec<String, String> spec(OneInputStreamOperator<String, String> op, StateBackendSettings.Kind kind) {
        OperatorSnapshotHarness.BackendFactory backends = kind == StateBackendSettings.Kind.HASHMAP ? Backends.heap()
                : Backends.fromSettings(kind, dir.resolve("rocksdb"));
        return new OperatorSnapshotHarness.Spec<>(op, new FirstChar(), Types.STRING.createSerializer(new SerializerConfig()),
                MAX_PARALLELISM, backends, dir.resolve("checkpoints"), UID);
    }

    private static List<String> run(OperatorSnapshotHarness.Spec<String, String> spec, List<Step> steps, int split, int oldP, int newP)
            throws Exception {
        List<String> out = new ArrayList<>();
        List<OperatorSnapshotHarness<String, String>> subtasks = open(spec, oldP, null, 0);
        drive(subtasks, steps.subList(0, split), out);
        List<OperatorSubtaskStateProto> states = new ArrayList<>();
        for (OperatorSnapshotHarness<String, String> h : subtasks) {
            states.add(h.snapshot(1));
            h.close();
        }
        long clock = 0; // wall-clock time goes on across the restore
        for (Step s : steps.subList(0, split)) {
            clock = s.kind() == 'p' ? s.time() : clock;
        }
        List<OperatorSnapshotHarness<String, String>> restored = open(spec, newP, states, clock);
        drive(restored, steps.subList(split, steps.size()), out);
        for (OperatorSnapshotHarness<String, String> h : restored) {
            h.close();
        }
        return out;
    }

    private static List<OperatorSnapshotHarness<String, String>> open(OperatorSnapshotHarness.Spec<String, String> spec, int p,
            List<OperatorSubtaskStateProto> from, long clock) throws Exception {
        List<OperatorSnapshotHarness<String, String>> hs = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            OperatorSnapshotHarness<String, String> h = spec.subtask(p, i);
            h.setProcessingTime(clock);
            if (from == null) {
                h.open();
            } else {
                h.restoreAndOpen(StateRedistribution.forSubtask(UID, from, MAX_PARALLELISM, p, i), 1);
            }
            hs.add(h);
        }
        return hs;
    }

    private static void drive(List<OperatorSnapshotHarness<String, String>> subtasks, List<Step> steps, List<String> out) throws Exception {
        for (Step s : steps) {
            for (OperatorSnapshotHarness<String, String> h : subtasks) {
                h.clearOutput();
            }
            switch (s.kind()) {
                case 'e' -> subtasks.get(KeyGroupRangeAssignment.assignKeyToParallelOperator(s.element().substring(0, 1), MAX_PARALLELISM,
                        subtasks.size())).processElement(s.element(), s.time());
                case 'w' -> {
                    for (OperatorSnapshotHarness<String, String> h : subtasks) {
                        h.processWatermark(s.time());
                    }
                }
                default -> {
                    for (OperatorSnapshotHarness<String, String> h : subtasks) {
                        h.setProcessingTime(s.time());
                    }
                }
            }
            for (OperatorSnapshotHarness<String, String> h : subtasks) {
                h.getOutputRecords().forEach(r -> out.add(r.getValue() + "@" + r.getTimestamp()));
                h.getSideOutput(LATE).forEach(r -> out.add("late " + r.getValue()));
            }
        }
    }

    private void check(Supplier<OneInputStreamOperator<String, String>> operator, StateBackendSettings.Kind kind, int minOutputs)
            throws Exception {
        List<Step> steps = script();
        OperatorSnapshotHarness.Spec<String, String> spec = spec(operator.get(), kind);
        List<String> expected = run(spec, steps, steps.size(), 1, 1);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(minOutputs);
        assertThat(perKey(run(spec, steps, 17, 1, 1))).as("restore at element 17").isEqualTo(perKey(expected));
        assertThat(perKey(run(spec, steps, 23, 2, 3))).as("restore at element 23, 2 -> 3").isEqualTo(perKey(expected));
        assertThat(perKey(run(spec, steps, 41, 3, 1))).as("restore at element 41, 3 -> 1").isEqualTo(perKey(expected));
    }

    /**
     * Outputs grouped by key, in order per key: timers of different keys with equal timestamps may
     * fire in another order after a restore (as in Flink), the order per key may not change.
     */
    private static Map<Character, List<String>> perKey(List<String> outputs) {
        Map<Character, List<String>> byKey = new TreeMap<>();
        for (String o : outputs) {
            char key = o.startsWith("late ") ? o.charAt(5) : o.charAt(0);
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
        }
        return byKey;
    }

    @ParameterizedTest
    @EnumSource(StateBackendSettings.Kind.class)
    void tumblingWindowsWithLatenessAndLateSideOutput(StateBackendSettings.Kind kind) throws Exception {
        check(() -> {
            WindowOperatorBuilder<String, String, TimeWindow> b = builder(TumblingEventTimeWindows.of(Duration.ofMillis(10)));
            b.allowedLateness(Duration.ofMillis(5));
            b.sideOutputLateData(LATE);
            return b.process(new InternalIterableProcessWindowFunction<>(new Describe<TimeWindow>()));
        }, kind, 15);
    }

    @ParameterizedTest
    @EnumSource(StateBackendSettings.Kind.class)
    void slidingAggregateWithPerWindowState(StateBackendSettings.Kind kind) throws Exception {
        check(() -> {
            WindowOperatorBuilder<String, String, TimeWindow> b =
                    builder(SlidingEventTimeWindows.of(Duration.ofMillis(20), Duration.ofMillis(10)));
            b.allowedLateness(Duration.ofMillis(20));
            return b.aggregate(new SumValues(), Types.LONG, new InternalIterableProcessWindowFunction<>(new SumWithFiringCounts()));
        }, kind, 20);
    }

    @ParameterizedTest
    @EnumSource(StateBackendSettings.Kind.class)
    void sessionWindowsWithReduce(StateBackendSettings.Kind kind) throws Exception {
        check(() -> builder(EventTimeSessionWindows.withGap(Duration.ofMillis(15)))
                .reduce(new Concat(), new InternalIterableWindowFunction<>(new DescribeApply<TimeWindow>())), kind, 5);
    }

    @ParameterizedTest
    @EnumSource(StateBackendSettings.Kind.class)
    void slidingCountWindowsWithEvictor(StateBackendSettings.Kind kind) throws Exception {
        check(() -> {
            WindowOperatorBuilder<String, String, GlobalWindow> b = builder(GlobalWindows.create());
            b.evictor(CountEvictor.of(3));
            b.trigger(CountTrigger.of(2));
            return b.process(new InternalIterableProcessWindowFunction<>(new Describe<GlobalWindow>()));
        }, kind, 8);
    }

    @ParameterizedTest
    @EnumSource(StateBackendSettings.Kind.class)
    void processingTimeWindows(StateBackendSettings.Kind kind) throws Exception {
        check(() -> builder(TumblingProcessingTimeWindows.of(Duration.ofMillis(10)))
                .process(new InternalIterableProcessWindowFunction<>(new Describe<TimeWindow>())), kind, 10);
    }
}
