package dev.eddy.streaming.api.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.eddy.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.eddy.streaming.api.windowing.windows.GlobalWindow;
import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeWindowTest {
    @Test
    void windowStartsAlignToTheEpochPlusOffsetAlsoForNegativeTimestamps() {
        assertThat(TimeWindow.getWindowStartWithOffset(17, 0, 10)).isEqualTo(10);
        assertThat(TimeWindow.getWindowStartWithOffset(10, 0, 10)).isEqualTo(10);
        assertThat(TimeWindow.getWindowStartWithOffset(17, 3, 10)).isEqualTo(13);
        assertThat(TimeWindow.getWindowStartWithOffset(2, 3, 10)).isEqualTo(-7);
        assertThat(TimeWindow.getWindowStartWithOffset(-1, 0, 10)).isEqualTo(-10);
        assertThat(new TimeWindow(0, 10).maxTimestamp()).isEqualTo(9);
        assertThat(GlobalWindow.get().maxTimestamp()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void assignersComputeTheirWindows() {
        assertThat(TumblingEventTimeWindows.of(Duration.ofMillis(10)).assignWindows("x", 25, null)).containsExactly(new TimeWindow(20, 30));
        assertThat(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(4)).assignWindows("x", 9, null))
                .containsExactly(new TimeWindow(8, 18), new TimeWindow(4, 14), new TimeWindow(0, 10));
    }

    @Test
    void overlappingAndTouchingWindowsMergeIntoTheirCover() {
        List<String> merges = new ArrayList<>();
        TimeWindow.mergeWindows(List.of(new TimeWindow(20, 30), new TimeWindow(1, 11), new TimeWindow(11, 15), new TimeWindow(40, 50),
                new TimeWindow(45, 47)), (toBeMerged, result) -> merges.add(toBeMerged + " -> " + result));
        assertThat(merges).containsExactly(
                "[TimeWindow{start=1, end=11}, TimeWindow{start=11, end=15}] -> TimeWindow{start=1, end=15}",
                "[TimeWindow{start=40, end=50}, TimeWindow{start=45, end=47}] -> TimeWindow{start=40, end=50}");
        assertThat(new TimeWindow(1, 5).intersects(new TimeWindow(5, 9))).isTrue();
        assertThat(new TimeWindow(1, 5).intersects(new TimeWindow(6, 9))).isFalse();
        assertThat(new TimeWindow(1, 5).cover(new TimeWindow(8, 9))).isEqualTo(new TimeWindow(1, 9));
    }

    @Test
    void windowSerializersRoundTrip() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(32);
        new TimeWindow.Serializer().serialize(new TimeWindow(-5, 7), out);
        new GlobalWindow.Serializer().serialize(GlobalWindow.get(), out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertThat(new TimeWindow.Serializer().deserialize(in)).isEqualTo(new TimeWindow(-5, 7));
        assertThat(new GlobalWindow.Serializer().deserialize(in)).isSameAs(GlobalWindow.get());
        assertThat(out.length()).isEqualTo(17);
    }
}
