package bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs every Nexmark query on Eddy's embedded cluster at a small scale (20,000 events at 1,000
 * events/s of event time: 20 s of event time, so several windows; parallelism 2; hashmap backend;
 * checkpoints every 200 ms) and compares line count, checksum and SHA-256 of the sorted lines with
 * the values Apache Flink 2.3.0 produced for the same settings (NexmarkRunner's Flink twin via
 * {@code benchmarks/run.sh --vs-flink all --events 20000 --checkpoint-interval 200 --rate 1000}).
 */
class NexmarkSmokeTest {
    static final NexmarkRunner.Settings SMALL = new NexmarkRunner.Settings(20_000, "hashmap", 2, 200, 1_000, 42, 200);

    /** What the Flink twin produced for one query. */
    record Expected(long lines, long checksum, String sha256) {}

    static final Map<String, Expected> FLINK = Map.of(
            "q0", new Expected(18_400, 0x3beed173502cd3a5L, "cdc75915fc26ecd4c0346834a17a6c118f0ef4e3c8192b3d6ad23d7527f481fd"),
            "q1", new Expected(18_400, 0x120a844dd6c4715fL, "e8cd79298f6365c3a2a21b7bb73932cf5acb1104390df05b68fc51c762a9513f"),
            "q2", new Expected(68, 0xb5446ad7b6f876adL, "f4d26b429f5124dc7bd8f577fa62a9e70ac5cced07f1dda1870252667a21067f"),
            "q3", new Expected(126, 0xb192cba83396cf90L, "fdb8349171d15eaabee8386c98e61e6a3def3d04a7b471f04259e3f264b6fbe2"),
            "q4", new Expected(20, 0x7bf81e34da65b7f5L, "2e5e204a382fcbc010b299e75602216f1604acdfbb98e2410898f597d0bd676b"),
            "q5", new Expected(15, 0x5138a3f4e1096506L, "225ef5be55174cdad55685cd672dbd83eaae24e6293b6f044c3578bc7508e061"),
            "q7", new Expected(3, 0x16af11093ea28df2L, "2a45022ccfd81669019898ccb03d5dc25782a34a9cfcd3cb60786b9da4f94405"),
            "q8", new Expected(268, 0xfc4c6a691449783aL, "e56b430a90095bee336dd45c2c50b27273cedc81491abd6bddcc94e8fc999131"),
            "count", new Expected(18_400, 0xfa51c02059d2b19fL, "22ffb7fb3639e4f9fb08ba7843bd0321b38c4588bcf2925837bb5a71961f321f"));

    @Test
    void everyQueryMatchesFlink() throws Exception {
        assertThat(FLINK.keySet()).containsExactlyInAnyOrderElementsOf(Queries.ALL);
        assertThat(FLINK.get("q0").lines()).as("q0 passes every bid through: 46 of every 50 events").isEqualTo(20_000 * 46 / 50);
        for (String query : Queries.ALL) {
            NexmarkRunner.Result r = NexmarkRunner.run("eddy", query, SMALL);
            assertThat(new Expected(r.lines(), r.checksum(), r.sha256()))
                    .as("%s on Eddy (lines, checksum, sha256) vs Flink 2.3.0: %s", query, r.line())
                    .isEqualTo(FLINK.get(query));
            assertThat(r.processingSeconds())
                    .as("%s: the processing span lies within execute()", query)
                    .isPositive().isLessThanOrEqualTo(r.seconds());
        }
    }
}
