package bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A short throttled q1k run on Eddy's embedded cluster (20,000 events at 20,000 events/s: 1 s):
 * the source keeps to the pace, the sink measures latency, and the output equals unthrottled q1's.
 */
class LatencyRunTest {
    @Test
    void throttledQ1kKeepsThePaceAndProducesQ1sOutput() throws Exception {
        NexmarkLatencyRunner.Settings s = new NexmarkLatencyRunner.Settings(20_000, 20_000, 0, 0.2, 20, 200, 2, 0, "hashmap", 42,
                10_000, 1);
        NexmarkLatencyRunner.Result r = NexmarkLatencyRunner.run("eddy", "q1k", s);

        NexmarkRunner.Settings same = new NexmarkRunner.Settings(20_000, "hashmap", 2, 0, s.eventTimeRate(), 42, 1);
        NexmarkRunner.Result q1 = NexmarkRunner.run("eddy", "q1", same);
        assertThat(new long[] {r.lines(), r.checksum()}).as(r.line()).containsExactly(q1.lines(), q1.checksum());

        Pacing pacing = new Pacing(s.throttle(), s.eventTimeRate());
        long lastDue = pacing.sinceStartNanos(new NexmarkGenerator(42, s.eventTimeRate(), 1).event(19_999).dateTime);
        assertThat(r.sourceSeconds() * 1e9).as("the last event is never emitted before its ideal time").isGreaterThanOrEqualTo(lastDue);
        assertThat(r.latency().getTotalCount()).as("bids after the 0.2 s warm-up are measured").isBetween(12_000L, 16_000L);
        assertThat(r.early()).isZero();
        assertThat(r.sourceLag().getTotalCount()).as("the sources record their emission lag after the warm-up").isPositive();
    }
}
