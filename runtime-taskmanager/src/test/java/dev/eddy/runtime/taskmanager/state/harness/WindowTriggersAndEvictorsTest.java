package dev.eddy.runtime.taskmanager.state.harness;

import static dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.builder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.Concat;
import dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.Describe;
import dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.FirstChar;
import dev.eddy.runtime.taskmanager.state.harness.WindowTestFunctions.ValueDistance;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.eddy.streaming.api.windowing.assigners.GlobalWindows;
import dev.eddy.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.eddy.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import dev.eddy.streaming.api.windowing.assigners.WindowStagger;
import dev.eddy.streaming.api.windowing.evictors.CountEvictor;
import dev.eddy.streaming.api.windowing.evictors.DeltaEvictor;
import dev.eddy.streaming.api.windowing.evictors.TimeEvictor;
import dev.eddy.streaming.api.windowing.triggers.ContinuousEventTimeTrigger;
import dev.eddy.streaming.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import dev.eddy.streaming.api.windowing.triggers.CountTrigger;
import dev.eddy.streaming.api.windowing.triggers.DeltaTrigger;
import dev.eddy.streaming.api.windowing.triggers.PurgingTrigger;
import dev.eddy.streaming.api.windowing.triggers.Trigger;
import dev.eddy.streaming.api.windowing.triggers.TriggerResult;
import dev.eddy.streaming.api.windowing.windows.GlobalWindow;
import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.streaming.runtime.operators.windowing.WindowOperatorBuilder;
import dev.eddy.streaming.runtime.operators.windowing.functions.InternalIterableProcessWindowFunction;
import dev.eddy.streaming.runtime.operators.windowing.functions.InternalIterableWindowFunction;
import dev.eddy.streaming.runtime.operators.windowing.functions.PassThroughWindowFunction;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Triggers (count, purging, continuous, custom) and evictors (count, time, delta; before and after) in the window operator. */
class WindowTriggersAndEvictorsTest {
    @TempDir
    Path dir;

    private OperatorSnapshotHarness<String, String> open(OneInputStreamOperator<String, String> op) throws Exception {
        return new OperatorSnapshotHarness.Spec<>(op, new FirstChar(), Types.STRING.createSerializer(new SerializerConfig()), 128,
                Backends.heap(), dir.resolve("checkpoints"), "window").subtask(1, 0).open();
    }

    private static <W extends Window> OneInputStreamOperator<String, String> describe(WindowOperatorBuilder<String, String, W> b) {
        return b.process(new InternalIterableProcessWindowFunction<>(new Describe<W>()));
    }

    @Test
    void countTriggerFiresEveryNElementsAndKeepsContentsUnlessPurging() throws Exception {
        WindowOperatorBuilder<String, String, GlobalWindow> keep = builder(GlobalWindows.create());
        keep.trigger(CountTrigger.of(2));
        try (OperatorSnapshotHarness<String, String> h = open(describe(keep))) {
            for (String e : new String[] {"a1", "b1", "a2", "a3", "a4", "b2"}) {
                h.processElement(e);
            }
            assertThat(h.getOutputValues()).containsExactly("aG:a1,a2", "aG:a1,a2,a3,a4", "bG:b1,b2");
            assertThat(h.getOutputRecords().get(0).getTimestamp()).isEqualTo(Long.MAX_VALUE);
        }
        WindowOperatorBuilder<String, String, GlobalWindow> purge = builder(GlobalWindows.create());
        purge.trigger(PurgingTrigger.of(CountTrigger.of(2)));
        try (OperatorSnapshotHarness<String, String> h = open(describe(purge))) {
            for (String e : new String[] {"a1", "a2", "a3", "a4", "a5"}) {
                h.processElement(e);
            }
            assertThat(h.getOutputValues()).containsExactly("aG:a1,a2", "aG:a3,a4");
        }
    }

    @Test
    void globalWindowsWithoutTriggerNeverFire() throws Exception {
        try (OperatorSnapshotHarness<String, String> h = open(describe(builder(GlobalWindows.create())))) {
            h.processElement("a1", 1);
            h.processWatermark(Long.MAX_VALUE - 1);
            h.setProcessingTime(1_000_000);
            assertThat(h.getOutputValues()).isEmpty();
        }
    }

    @Test
    void deltaTriggerFiresWhenAnElementIsFarFromTheLastFiringOne() throws Exception {
        WindowOperatorBuilder<String, String, GlobalWindow> b = builder(GlobalWindows.create());
        b.trigger(DeltaTrigger.of(3.0, new ValueDistance(), Types.STRING.createSerializer(new SerializerConfig())));
        try (OperatorSnapshotHarness<String, String> h = open(describe(b))) {
            // reference a1 (no firing); a3 is 2 away; a5 is 4 away: fire, a5 is the new reference; a8 is 3 (not more); a9 is 4
            for (String e : new String[] {"a1", "a3", "a5", "b7", "a8", "a9", "b7"}) {
                h.processElement(e);
            }
            assertThat(h.getOutputValues()).containsExactly("aG:a1,a3,a5", "aG:a1,a3,a5,a8,a9");
        }
    }

    @Test
    void globalWindowsWithTheEndOfStreamTriggerFireOnceWhenTheInputEnds() throws Exception {
        try (OperatorSnapshotHarness<String, String> h = open(describe(builder(GlobalWindows.createWithEndOfStreamTrigger())))) {
            h.processElement("a1", 1);
            h.processElement("b1", 2);
            h.processElement("a2", 3);
            h.processWatermark(Long.MAX_VALUE - 1);
            h.setProcessingTime(1_000_000);
            assertThat(h.getOutputValues()).isEmpty();
            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.getOutputValues()).containsExactlyInAnyOrder("aG:a1,a2", "bG:b1");
        }
    }

    @Test
    void windowStaggerShiftsProcessingTimeWindowsPerSubtask() throws Exception {
        Duration size = Duration.ofMillis(100);
        // NATURAL: the first element at 130 starts this subtask's windows at 130
        try (OperatorSnapshotHarness<String, String> h = open(describe(builder(
                TumblingProcessingTimeWindows.of(size, Duration.ZERO, WindowStagger.NATURAL))))) {
            h.setProcessingTime(130);
            h.processElement("a1");
            h.setProcessingTime(228);
            h.processElement("a2");
            assertThat(h.getOutputValues()).isEmpty();
            h.setProcessingTime(229); // the window's last millisecond
            assertThat(h.getOutputValues()).containsExactly("a[130,230):a1,a2");
        }
        // ALIGNED: the epoch-aligned window [100, 200)
        try (OperatorSnapshotHarness<String, String> h = open(describe(builder(
                TumblingProcessingTimeWindows.of(size, Duration.ZERO, WindowStagger.ALIGNED))))) {
            h.setProcessingTime(130);
            h.processElement("a1");
            h.setProcessingTime(199);
            assertThat(h.getOutputValues()).containsExactly("a[100,200):a1");
        }
        for (int i = 0; i < 20; i++) {
            assertThat(WindowStagger.RANDOM.getStaggerOffset(12_345, 100)).isBetween(0L, 99L);
        }
        assertThat(WindowStagger.NATURAL.getStaggerOffset(12_345, 100)).isEqualTo(45);
    }

    @Test
    void continuousEventTimeTriggerFiresEveryIntervalAndAtTheEnd() throws Exception {
        WindowOperatorBuilder<String, String, TimeWindow> b = builder(TumblingEventTimeWindows.of(Duration.ofMillis(20)));
        b.trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(5)));
        try (OperatorSnapshotHarness<String, String> h = open(describe(b))) {
            h.processElement("a1", 1);
            h.processWatermark(4);
            assertThat(h.getOutputValues()).isEmpty();
            h.processWatermark(5);
            h.processElement("a7", 7);
            h.processWatermark(10);
            h.processWatermark(30);
            assertThat(h.getOutputValues()).containsExactly("a[0,20):a1", "a[0,20):a1,a7", "a[0,20):a1,a7", "a[0,20):a1,a7");
            assertThat(h.getOutputRecords()).allMatch(r -> r.getTimestamp() == 19);
        }
    }

    @Test
    void continuousProcessingTimeTriggerFiresEveryIntervalWhileTheWindowLives() throws Exception {
        WindowOperatorBuilder<String, String, TimeWindow> b = builder(TumblingProcessingTimeWindows.of(Duration.ofMillis(100)));
        b.trigger(ContinuousProcessingTimeTrigger.of(Duration.ofMillis(30)));
        try (OperatorSnapshotHarness<String, String> h = open(describe(b))) {
            h.setProcessingTime(5);
            h.processElement("a1");
            h.setProcessingTime(29);
            assertThat(h.getOutputValues()).isEmpty();
            h.setProcessingTime(30);
            h.processElement("a2");
            h.setProcessingTime(65);
            assertThat(h.getOutputValues()).containsExactly("a[0,100):a1", "a[0,100):a1,a2");
            h.setProcessingTime(200); // fires at 90 and at the end (99); cleared at 99
            assertThat(h.getOutputValues()).containsExactly("a[0,100):a1", "a[0,100):a1,a2", "a[0,100):a1,a2", "a[0,100):a1,a2");
        }
    }

    @Test
    void mergingAssignersRejectTriggersThatCannotMerge() {
        WindowOperatorBuilder<String, String, TimeWindow> b = builder(EventTimeSessionWindows.withGap(Duration.ofMillis(5)));
        assertThatThrownBy(() -> b.trigger(new FireOnMaxValue())).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("does not support merging");
    }

    /** A custom trigger: fires and purges on elements with value 9, else waits; uses the watermark for nothing. */
    static final class FireOnMaxValue extends Trigger<String, TimeWindow> {
        @Override
        public TriggerResult onElement(String element, long timestamp, TimeWindow window, TriggerContext ctx) {
            return element.endsWith("9") ? TriggerResult.FIRE_AND_PURGE : TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(TimeWindow window, TriggerContext ctx) {}
    }

    @Test
    void customTriggerDecidesFiringAndPurging() throws Exception {
        WindowOperatorBuilder<String, String, TimeWindow> b = builder(TumblingEventTimeWindows.of(Duration.ofMillis(100)));
        b.trigger(new FireOnMaxValue());
        try (OperatorSnapshotHarness<String, String> h = open(describe(b))) {
            h.processElement("a1", 1);
            h.processElement("a9", 2);
            h.processElement("a3", 3);
            h.processWatermark(500);
            h.processElement("a19", 150);
            assertThat(h.getOutputValues()).containsExactly("a[0,100):a1,a9");
            // the window of a19 is late (watermark 500 > 199): dropped, not fired
            assertThat(h.getOutputValues()).hasSize(1);
        }
    }

    @Test
    void countEvictorKeepsTheLastElementsBeforeOrAfterTheFunction() throws Exception {
        WindowOperatorBuilder<String, String, GlobalWindow> before = builder(GlobalWindows.create());
        before.evictor(CountEvictor.of(3));
        before.trigger(CountTrigger.of(2)); // a sliding count window: size 3, slide 2
        try (OperatorSnapshotHarness<String, String> h = open(describe(before))) {
            for (int i = 1; i <= 6; i++) {
                h.processElement("a" + i);
            }
            assertThat(h.getOutputValues()).containsExactly("aG:a1,a2", "aG:a2,a3,a4", "aG:a4,a5,a6");
        }
        WindowOperatorBuilder<String, String, GlobalWindow> after = builder(GlobalWindows.create());
        after.evictor(CountEvictor.of(2, true));
        after.trigger(CountTrigger.of(3));
        try (OperatorSnapshotHarness<String, String> h = open(describe(after))) {
            for (int i = 1; i <= 6; i++) {
                h.processElement("a" + i);
            }
            assertThat(h.getOutputValues()).containsExactly("aG:a1,a2,a3", "aG:a2,a3,a4,a5,a6");
        }
    }

    @Test
    void timeEvictorKeepsTheLastSpanOfEventTime() throws Exception {
        WindowOperatorBuilder<String, String, TimeWindow> b = builder(TumblingEventTimeWindows.of(Duration.ofMillis(20)));
        b.evictor(TimeEvictor.of(Duration.ofMillis(5)));
        try (OperatorSnapshotHarness<String, String> h = open(describe(b))) {
            h.processElement("a1", 1);
            h.processElement("a14", 14);
            h.processElement("a8", 8);
            h.processElement("a10", 10);
            h.processWatermark(19);
            assertThat(h.getOutputRecords()).containsExactly(new StreamRecord<>("a[0,20):a14,a10", 19));
        }
    }

    @Test
    void deltaEvictorRemovesElementsFarFromTheLastOne() throws Exception {
        WindowOperatorBuilder<String, String, TimeWindow> b = builder(TumblingEventTimeWindows.of(Duration.ofMillis(20)));
        b.evictor(DeltaEvictor.of(3.0, new ValueDistance()));
        try (OperatorSnapshotHarness<String, String> h = open(describe(b))) {
            for (long v : new long[] {1, 9, 5, 11, 10}) {
                h.processElement("a" + v, v);
            }
            h.processWatermark(19);
            assertThat(h.getOutputValues()).containsExactly("a[0,20):a9,a11,a10");
        }
    }

    @Test
    void reduceWithAnEvictorReducesTheRemainingElements() throws Exception {
        WindowOperatorBuilder<String, String, GlobalWindow> b = builder(GlobalWindows.create());
        b.evictor(CountEvictor.of(2));
        b.trigger(CountTrigger.of(3));
        try (OperatorSnapshotHarness<String, String> h =
                open(b.reduce(new Concat(), new InternalIterableWindowFunction<>(new PassThroughWindowFunction<String, GlobalWindow, String>())))) {
            for (int i = 1; i <= 6; i++) {
                h.processElement("a" + i);
            }
            assertThat(h.getOutputValues()).containsExactly("a2+a3", "a5+a6");
        }
    }
}
