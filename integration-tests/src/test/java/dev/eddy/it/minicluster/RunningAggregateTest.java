package dev.eddy.it.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.CoreOptions;
import dev.eddy.examples.aggregate.RunningAggregate;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The RunningAggregate example (keyed ValueState in a KeyedProcessFunction behind a keyed shuffle),
 * bounded with --limit, gives exactly the per-sensor count, sum and max of its deterministic input,
 * on the heap and on the RocksDB backend.
 */
class RunningAggregateTest {
    static final Pattern LINE = Pattern.compile("^(?:\\d+> )?\\((sensor-\\d+),(\\d+),(\\d+),(-?\\d+)\\)$");

    @AfterEach
    void resetContext() {
        StreamExecutionEnvironment.resetContextEnvironment();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void finalStatsPerSensorAreExact(String backend) throws Exception {
        int parallelism = 2;
        int sensors = 10;
        int limit = 5000;
        Configuration context = new Configuration();
        context.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        context.setString("state.backend.type", backend);
        StreamExecutionEnvironment.initializeContextEnvironment(context);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            RunningAggregate.main(new String[] {"--rate", "0", "--sensors", String.valueOf(sensors), "--limit", String.valueOf(limit)});
        } finally {
            System.setOut(original);
        }

        Map<String, long[]> last = new HashMap<>();
        Map<String, Long> lines = new HashMap<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).lines().toList()) {
            Matcher m = LINE.matcher(line.trim());
            if (m.matches()) {
                long[] stats = {Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
                last.merge(m.group(1), stats, (a, b) -> a[0] >= b[0] ? a : b);
                lines.merge(m.group(1), 1L, Long::sum);
            }
        }
        Map<String, long[]> expected = expected(parallelism, sensors, limit);
        assertThat(last.keySet()).isEqualTo(expected.keySet());
        for (String sensor : expected.keySet()) {
            assertThat(last.get(sensor)).as(sensor + " (count, sum, max)").containsExactly(expected.get(sensor));
            assertThat(lines.get(sensor)).as("one output per reading of " + sensor).isEqualTo(expected.get(sensor)[0]);
        }
    }

    /** Replays the source's generator: subtask i draws from SplittableRandom(i). */
    static Map<String, long[]> expected(int parallelism, int sensors, int limit) {
        Map<String, long[]> stats = new HashMap<>();
        for (int subtask : List.of(0, 1).subList(0, parallelism)) {
            SplittableRandom random = new SplittableRandom(subtask);
            for (int n = 0; n < limit; n++) {
                String sensor = "sensor-" + random.nextInt(sensors);
                long value = random.nextInt(1000);
                long[] s = stats.computeIfAbsent(sensor, k -> new long[] {0, 0, Long.MIN_VALUE});
                s[0]++;
                s[1] += value;
                s[2] = Math.max(s[2], value);
            }
        }
        return stats;
    }
}
