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
            "q0", new long[] {18_400, 0x3beed173502cd3a5L},
            "q1", new long[] {18_400, 0x120a844dd6c4715fL},
            "q2", new long[] {68, 0xb5446ad7b6f876adL},
            "q3", new long[] {126, 0xb192cba83396cf90L},
            "q4", new long[] {20, 0x7bf81e34da65b7f5L},
            "q5", new long[] {15, 0x5138a3f4e1096506L},
            "q7", new long[] {3, 0x16af11093ea28df2L},
            "q8", new long[] {268, 0xfc4c6a691449783aL},
            "count", new long[] {18_400, 0xfa51c02059d2b19fL});

    @Test
    void everyQueryMatchesFlink() throws Exception {
        assertThat(FLINK.keySet()).containsExactlyInAnyOrderElementsOf(Queries.ALL);
        assertThat(FLINK.get("q0")[0]).as("q0 passes every bid through: 46 of every 50 events").isEqualTo(20_000 * 46 / 50);
        for (String query : Queries.ALL) {
            NexmarkRunner.Result r = NexmarkRunner.run("eddy", query, SMALL);
            long[] expected = FLINK.get(query);
            assertThat(new long[] {r.lines(), r.checksum()})
                    .as("%s on Eddy (lines, checksum) vs Flink 2.3.0: %s", query, r.line())
                    .containsExactly(expected);
        }
    }
}
