package dev.eddy.streaming.api.windowing.assigners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-assigner cache of the last windows returns exactly what a fresh assignment would, and reuses objects. */
class LastWindowsTest {
    @Test
    void slidingAndTumblingAgreeWithFreshAssignmentsForOrderedAndRandomTimestamps() {
        Random random = new Random(3);
        long[][] shapes = {{10_000, 2_000, 0}, {10_000, 3_000, 500}, {5, 7, 0}, {7, 5, -2}, {1, 1, 0}, {100, 100, 30}};
        for (long[] shape : shapes) {
            long size = shape[0];
            long slide = shape[1];
            long offset = shape[2];
            TimeWindowAssigners.LastWindows sliding = new TimeWindowAssigners.LastWindows();
            TimeWindowAssigners.LastWindows tumbling = new TimeWindowAssigners.LastWindows();
            long t = -50_000;
            for (int i = 0; i < 20_000; i++) {
                t = random.nextInt(4) == 0 ? random.nextLong() % 1_000_000 : t + random.nextInt(50);
                assertThat(sliding.sliding(t, size, slide, offset)).as("sliding %s at %d", List.of(size, slide, offset), t)
                        .isEqualTo(TimeWindowAssigners.sliding(t, size, slide, offset));
                assertThat(tumbling.tumbling(t, size, Math.floorMod(offset, size))).isEqualTo(
                        TimeWindowAssigners.tumbling(t, size, Math.floorMod(offset, size)));
            }
        }
    }

    @Test
    void consecutiveElementsOfTheSameSlideShareTheWindowObjects() {
        TimeWindowAssigners.LastWindows cache = new TimeWindowAssigners.LastWindows();
        List<TimeWindow> first = cache.sliding(10_001, 10_000, 2_000, 0);
        List<TimeWindow> second = cache.sliding(11_999, 10_000, 2_000, 0);
        assertThat(second).isSameAs(first).hasSize(5);
        assertThat(cache.sliding(12_000, 10_000, 2_000, 0)).isNotSameAs(first);
    }
}
