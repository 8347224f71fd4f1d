package dev.eddy.runtime.taskmanager.state.harness;

import static dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.LATE;
import static dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.builder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.Concat;
import dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.Describe;
import dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.DescribeApply;
import dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.FirstChar;
import dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.SumValues;
import dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.SumWithFiringCounts;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.eddy.streaming.api.windowing.assigners.ProcessingTimeSessionWindows;
import dev.eddy.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.eddy.streaming.api.windowing.assigners.SlidingProcessingTimeWindows;
import dev.eddy.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.eddy.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import dev.eddy.streaming.api.windowing.triggers.CountTrigger;
import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import dev.eddy.streaming.runtime.operators.windowing.WindowOperator;
import dev.eddy.streaming.runtime.operators.windowing.WindowOperatorBuilder;
import dev.eddy.streaming.runtime.operators.windowing.functions.InternalIterableProcessAllWindowFunction;
import dev.eddy.streaming.runtime.operators.windowing.functions.InternalIterableProcessWindowFunction;
import dev.eddy.streaming.runtime.operators.windowing.functions.InternalIterableWindowFunction;
import dev.eddy.streaming.runtime.operators.windowing.functions.PassThroughWindowFunction;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Window operator semantics (assigners, lateness, merging, functions) against Flink's documented behaviour, on the heap backend. */
class WindowOperatorTest {
    @TempDir
    Path dir;

    private OperatorSnapshotHarness<String, String> open(OneInputStreamOperator<String, String> op) throws Exception {
        return new OperatorSnapshotHarness.Spec<>(op, new FirstChar(), Types.STRING.createSerializer(new SerializerConfig()), 128,
                Backends.heap(), dir.resolve("checkpoints"), "window").subtask(1, 0).open();
    }

    private static <W extends dev.eddy.streaming.api.windowing.windows.Window> OneInputStreamOperator<String, String> describe(
            WindowOperatorBuilder<String, String, W> b) {
        return b.process(new InternalIterableProcessWindowFunction<>(new Describe<W>()));
    }

    @Test
    void tumblingEventTimeWindowsFireWhenTheWatermarkPassesTheirMaxTimestamp() throws Exception {
        try (OperatorSnapshotHarness<String, String> h = open(describe(builder(TumblingEventTimeWindows.of(Duration.ofMillis(10)))))) {
            h.processElement("a1", 1);
            h.processElement("b3", 3);
            h.processElement("a12", 12);
            h.processElement("a5", 5); // out of order, same window as a1
            h.processWatermark(8);
            assertThat(h.getOutputRecords()).isEmpty();
            h.processWatermark(9);
            assertThat(h.getOutputRecords()).containsExactly(new StreamRecord<>("a[0,10):a1,a5", 9), new StreamRecord<>("b[0,10):b3", 9));
            h.clearOutput();
            h.processWatermark(25);
            assertThat(h.getOutputRecords()).containsExactly(new StreamRecord<>("a[10,20):a12", 19));
            assertThat(h.getWatermarks()).extracting(w -> w.getTimestamp()).containsExactly(25L);
        }
    }

    @Test
    void windowOffsetsShiftTheWindows() throws Exception {
        try (OperatorSnapshotHarness<String, String> h =
                open(describe(builder(TumblingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(3)))))) {
            h.processElement("a2", 2);
            h.processElement("a3", 3);
            h.processWatermark(100);
            assertThat(h.getOutputValues()).containsExactly("a[-7,3):a2", "a[3,13):a3");
        }
    }

    @Test
    void lateElementsWithinAllowedLatenessRefireAndBeyondGoToTheSideOutput() throws Exception {
        WindowOperatorBuilder<String, String, TimeWindow> b = builder(TumblingEventTimeWindows.of(Duration.ofMillis(10)));
        b.allowedLateness(Duration.ofMillis(5));
        b.sideOutputLateData(LATE);
        try (OperatorSnapshotHarness<String, String> h = open(describe(b))) {
            h.processElement("a1", 1);
            h.processElement("a2", 2);
            h.processWatermark(10);
            h.processElement("a3", 3); // late, but within lateness: fires again with all contents
            h.processElement("a11", 11);
            h.processWatermark(14); // cleanup of [0,10) at 9 + 5
            h.processElement("a4", 4); // beyond lateness
            h.processElement("a9", 9);
            h.processWatermark(30);
            assertThat(h.getOutputValues()).containsExactly("a[0,10):a1,a2", "a[0,10):a1,a2,a3", "a[10,20):a11");
            assertThat(h.getSideOutput(LATE)).containsExactly(new StreamRecord<>("a4", 4), new StreamRecord<>("a9", 9));
        }
    }

    @Test
    void lateElementsAreDroppedAndCountedWithoutSideOutput() throws Exception {
        try (OperatorSnapshotHarness<String, String> h = open(describe(builder(TumblingEventTimeWindows.of(Duration.ofMillis(10)))))) {
            h.processElement("a1", 1);
            h.processWatermark(9);
            h.processElement("a2", 2);
            h.processElement("a10", 10);
            h.processWatermark(19);
            assertThat(h.getOutputValues()).containsExactly("a[0,10):a1", "a[10,20):a10");
            assertThat(((WindowOperator<?, ?, ?, ?, ?>) h.getOperator()).getNumLateRecordsDropped()).isEqualTo(1);
        }
    }

    @Test
    void slidingWindowsAssignEachElementToSizeBySlideWindows() throws Exception {
        try (OperatorSnapshotHarness<String, String> h =
                open(describe(builder(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)))))) {
            h.processElement("a7", 7);
            h.processElement("a3", 3);
            h.processElement("a12", 12);
            h.processWatermark(100);
            assertThat(h.getOutputRecords()).containsExactly(
                    new StreamRecord<>("a[-5,5):a3", 4),
                    new StreamRecord<>("a[0,10):a7,a3", 9),
                    new StreamRecord<>("a[5,15):a7,a12", 14),
                    new StreamRecord<>("a[10,20):a12", 19));
        }
    }

    @Test
    void sessionWindowsMergeIncludingAnElementThatBridgesTwoSessions() throws Exception {
        try (OperatorSnapshotHarness<String, String> h = open(describe(builder(EventTimeSessionWindows.withGap(Duration.ofMillis(10)))))) {
            h.processElement("a1", 1); // [1,11)
            h.processElement("a25", 25); // [25,35)
            h.processElement("b5", 5); // other key
            h.processElement("a14", 14); // [14,24): separate, 11 < 14 and 24 < 25
            h.processElement("a3", 3); // inside [1,13)
            h.processWatermark(12);
            assertThat(h.getOutputValues()).containsExactly("a[1,13):a1,a3");
            h.processElement("a20", 20); // [20,30) bridges [14,24) and [25,35)
            h.processWatermark(100);
            assertThat(h.getOutputValues()).containsExactly("a[1,13):a1,a3", "b[5,15):b5", "a[14,35):a14,a25,a20");
        }
    }

    @Test
    void sessionWindowsMergeReducingStateAndTriggerState() throws Exception {
        WindowOperatorBuilder<String, String, TimeWindow> b = builder(EventTimeSessionWindows.withGap(Duration.ofMillis(10)));
        b.trigger(CountTrigger.of(3));
        try (OperatorSnapshotHarness<String, String> h =
                open(b.reduce(new Concat(), new InternalIterableWindowFunction<>(new DescribeApply<TimeWindow>())))) {
            h.processElement("a1", 1); // [1,11)
            h.processElement("a21", 21); // [21,31)
            assertThat(h.getOutputValues()).isEmpty();
            h.processElement("a11", 11); // [11,21) touches both: the counts (1 + 1, then + 1) reach 3 → fires
            assertThat(h.getOutputValues()).containsExactly("a[1,31):a1+a21+a11");
        }
    }

    @Test
    void dynamicGapSessionsUseTheGapOfEachElement() throws Exception {
        try (OperatorSnapshotHarness<String, String> h = open(describe(builder(
                EventTimeSessionWindows.<String>withDynamicGap(e -> WindowTestFunctions.value(e) >= 100 ? 50 : 5))))) {
            h.processElement("a1", 1); // [1,6)
            h.processElement("a100", 8); // [8,58)
            h.processElement("a3", 40); // [40,45) inside
            h.processWatermark(200);
            assertThat(h.getOutputValues()).containsExactly("a[1,6):a1", "a[8,58):a100,a3");
        }
    }

    @Test
    void processingTimeTumblingSlidingAndSessionWindows() throws Exception {
        try (OperatorSnapshotHarness<String, String> h = open(describe(builder(TumblingProcessingTimeWindows.of(Duration.ofMillis(10)))))) {
            h.setProcessingTime(3);
            h.processElement("a1");
            h.setProcessingTime(8);
            h.processElement("a2");
            h.setProcessingTime(9);
            assertThat(h.getOutputRecords()).containsExactly(new StreamRecord<>("a[0,10):a1,a2", 9));
            h.processElement("a3");
            h.setProcessingTime(25);
            assertThat(h.getOutputValues()).containsExactly("a[0,10):a1,a2", "a[0,10):a3");
        }
        try (OperatorSnapshotHarness<String, String> h =
                open(describe(builder(SlidingProcessingTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)))))) {
            h.setProcessingTime(7);
            h.processElement("a1");
            h.setProcessingTime(100);
            assertThat(h.getOutputValues()).containsExactly("a[0,10):a1", "a[5,15):a1");
        }
        try (OperatorSnapshotHarness<String, String> h = open(describe(builder(ProcessingTimeSessionWindows.withGap(Duration.ofMillis(10)))))) {
            h.setProcessingTime(1);
            h.processElement("a1");
            h.setProcessingTime(8);
            h.processElement("a2");
            h.setProcessingTime(16);
            assertThat(h.getOutputValues()).isEmpty();
            h.setProcessingTime(17); // max timestamp of [1,18)
            assertThat(h.getOutputValues()).containsExactly("a[1,18):a1,a2");
        }
    }

    @Test
    void incrementalReduceAndAggregateKeepOneValuePerWindow() throws Exception {
        WindowOperatorBuilder<String, String, TimeWindow> reduce = builder(TumblingEventTimeWindows.of(Duration.ofMillis(10)));
        try (OperatorSnapshotHarness<String, String> h =
                open(reduce.reduce(new Concat(), new InternalIterableWindowFunction<>(new PassThroughWindowFunction<String, TimeWindow, String>())))) {
            h.processElement("a1", 1);
            h.processElement("a2", 2);
            h.processElement("a11", 11);
            h.processWatermark(20);
            assertThat(h.getOutputRecords()).containsExactly(new StreamRecord<>("a1+a2", 9), new StreamRecord<>("a11", 19));
        }
        WindowOperatorBuilder<String, String, TimeWindow> agg = builder(TumblingEventTimeWindows.of(Duration.ofMillis(10)));
        agg.allowedLateness(Duration.ofMillis(100));
        OneInputStreamOperator<String, String> op =
                agg.aggregate(new SumValues(), Types.LONG, new InternalIterableProcessWindowFunction<>(new SumWithFiringCounts()));
        try (OperatorSnapshotHarness<String, String> h = open(op)) {
            h.processElement("a1", 1);
            h.processElement("a2", 2);
            h.processElement("a11", 11);
            h.processWatermark(20);
            h.processElement("a4", 4); // late firing of [0,10): per-window state counts it
            h.processWatermark(200); // cleanup clears per-window state, not global state
            h.processElement("a300", 300);
            h.processWatermark(400);
            assertThat(h.getOutputValues()).containsExactly("a[0,10)=3 #1 total 1", "a[10,20)=11 #1 total 2", "a[0,10)=7 #2 total 3",
                    "a[300,310)=300 #1 total 4");
        }
    }

    @Test
    void processWindowFunctionsEmitToSideOutputsWithTheWindowTimestamp() throws Exception {
        WindowOperatorBuilder<String, String, TimeWindow> b = builder(TumblingEventTimeWindows.of(Duration.ofMillis(10)));
        try (OperatorSnapshotHarness<String, String> h =
                open(b.process(new InternalIterableProcessWindowFunction<>(new WindowTestFunctions.CountWithSideOutput())))) {
            h.processElement("a0", 1);
            h.processElement("a5", 2);
            h.processWatermark(15);
            assertThat(h.getOutputRecords()).containsExactly(new StreamRecord<>("a[0,10) n=2 wm=15", 9));
            assertThat(h.getSideOutput(LATE)).containsExactly(new StreamRecord<>("zero a0", 9));
        }
    }

    @Test
    void allWindowFunctionsSeeEveryKeyInOneWindow() throws Exception {
        WindowOperatorBuilder<String, Byte, TimeWindow> b =
                new WindowOperatorBuilder<>(TumblingEventTimeWindows.of(Duration.ofMillis(10)), Types.STRING, new SerializerConfig());
        OneInputStreamOperator<String, String> op =
                b.process(new InternalIterableProcessAllWindowFunction<>(new WindowTestFunctions.DescribeAll()));
        try (OperatorSnapshotHarness<String, String> h = new OperatorSnapshotHarness.Spec<>(op, new WindowTestFunctions.ZeroByte(),
                Types.BYTE.createSerializer(new SerializerConfig()), 128, Backends.heap(), dir.resolve("all"), "all").subtask(1, 0).open()) {
            h.processElement("a1", 1);
            h.processElement("b2", 2);
            h.processElement("c12", 12);
            h.processWatermark(20);
            assertThat(h.getOutputValues()).containsExactly("[0,10) a1,b2", "[10,20) c12");
        }
    }
}
