package bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs every Nexmark query on Eddy's embedded cluster at a small scale (20,000 events at 1,000
 * events/s of event time: 20 s of event time, so several windows; parallelism 2; hashmap backend;
 * checkpoints every 200 ms) and compares line count and checksum with the values Apache Flink
 * 2.3.0 produced for the same settings (NexmarkRunner's Flink twin via benchmarks/run.sh).
 */
class NexmarkSmokeTest {
    static final NexmarkRunner.Settings SMALL = new NexmarkRunner.Settings(20_000, "hashmap", 2, 200, 1_000, 42, 200);

    /** query → {lines, checksum} from the Flink twin. */
    static final Map<String, long[]> FLINK = Map.of(
            "q0", new long[] {27_600, 0x932db112db63c41cL},
            "q1", new long[] {27_600, 0xc7c064dc6bb751c4L},
            "q2", new long[] {91, 0x1d2911894fc71bd4L},
            "q3", new long[] {178, 0x241c4f3a2400e43aL},
            "q4", new long[] {20, 0x7bf81e34da65b7f5L},
            "q5", new long[] {15, 0x217c1894b52f7d89L},
            "q7", new long[] {3, 0x16af11093ea28df2L},
            "q8", new long[] {424, 0x7c54aa578e55798dL},
            "count", new long[] {27_600, 0x1a26ef4aa1f34f7eL});

    @Test
    void everyQueryMatchesFlink() throws Exception {
        assertThat(FLINK.keySet()).containsExactlyInAnyOrderElementsOf(Queries.ALL);
        for (String query : Queries.ALL) {
            NexmarkRunner.Result r = NexmarkRunner.run("eddy", query, SMALL);
            long[] expected = FLINK.get(query);
            assertThat(new long[] {r.lines(), r.checksum()})
                    .as("%s on Eddy (lines, checksum) vs Flink 2.3.0: %s", query, r.line())
                    .containsExactly(expected);
        }
    }
}
