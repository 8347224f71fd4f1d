package bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PacingTest {
    static final long WALL_RATE = 400_000;
    static final long EVENT_TIME_RATE = 20_000; // event time 20x faster than wall time
    final Pacing pacing = new Pacing(WALL_RATE, EVENT_TIME_RATE);
    final NexmarkGenerator generator = new NexmarkGenerator(7, EVENT_TIME_RATE, 1);

    @Test
    void eventIsDueAtMostOneEventTimeMillisecondBeforeItsPosition() {
        long start = 123_456_789L;
        long oneEventMilliNanos = 1_000_000L * EVENT_TIME_RATE / WALL_RATE; // 50 µs of wall time
        for (long i : new long[] {0, 1, 19, 20, 21, 999_999, 12_345_678}) {
            long byPosition = start + i * 1_000_000_000L / WALL_RATE;
            long ideal = pacing.idealNanos(start, generator.event(i).dateTime);
            assertThat(ideal).as("event %d", i).isLessThanOrEqualTo(byPosition).isGreaterThan(byPosition - oneEventMilliNanos);
        }
        assertThat(pacing.timeSpeedup()).isEqualTo(20.0);
    }

    @Test
    void idealTimeIsLinearInEventTime() {
        long base = NexmarkGenerator.BASE_TIME;
        assertThat(pacing.idealNanos(1_000, base)).isEqualTo(1_000);
        assertThat(pacing.sinceStartNanos(base + 10_000)).as("10 s of event time is 0.5 s of wall time").isEqualTo(500_000_000L);
    }

    @Test
    void windowResultIsMeasuredFromTheEventThatLetsTheWatermarkPassItsEnd() {
        long disorder = 1;
        long windowEnd = NexmarkGenerator.BASE_TIME + 20_000;
        long fireOffset = NexmarkLatencyRunner.fireOffsetMs("q7", disorder);
        LatencySink sink = new LatencySink(pacing, fireOffset, 0, windowEnd + 60_000);
        long start = 5_000;
        long firesAt = pacing.idealNanos(start, windowEnd + disorder); // watermark = maxTs - disorder - 1 >= windowEnd - 1
        assertThat(sink.latencyNanos(windowEnd - 1, firesAt + 3_000_000, start)).isEqualTo(3_000_000);
        assertThat(sink.latencyNanos(windowEnd - 1, firesAt - 1, start)).as("early: a wrong offset shows").isEqualTo(-1);
    }

    @Test
    void warmUpAndWindowsFiredByTheEndOfInputAreNotMeasured() {
        long last = NexmarkGenerator.BASE_TIME + 100_000;
        LatencySink sink = new LatencySink(pacing, 2, 1_000_000_000L, last); // warm-up: the first 20 s of event time
        assertThat(sink.latencyNanos(NexmarkGenerator.BASE_TIME + 19_997, Long.MAX_VALUE, 0)).isEqualTo(LatencySink.NOT_MEASURED);
        assertThat(sink.latencyNanos(NexmarkGenerator.BASE_TIME + 19_998, 1_000_000_000L + 7, 0)).isEqualTo(7);
        assertThat(sink.latencyNanos(last - 2, pacing.idealNanos(0, last) + 1, 0)).isEqualTo(1);
        assertThat(sink.latencyNanos(last - 1, Long.MAX_VALUE, 0)).isEqualTo(LatencySink.NOT_MEASURED);
    }

    @Test
    void latencyIsOnlyDefinedForPerEventQueriesAndQ7() {
        assertThat(NexmarkLatencyRunner.fireOffsetMs("q1k", 200)).isZero();
        assertThat(NexmarkLatencyRunner.fireOffsetMs("q7", 200)).isEqualTo(201);
        assertThatThrownBy(() -> NexmarkLatencyRunner.fireOffsetMs("q5", 200)).hasMessageContaining("q5");
    }

    @Test
    void rejectsRatesThatAreNotPositive() {
        assertThatThrownBy(() -> new Pacing(0, 10)).hasMessageContaining("positive");
    }
}
