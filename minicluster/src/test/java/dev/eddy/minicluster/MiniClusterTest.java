package dev.eddy.minicluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.JobExecutionResult;
import dev.eddy.api.common.functions.MapFunction;
import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.DeploymentOptions;
import dev.eddy.core.execution.JobExecutionException;
import dev.eddy.proto.ClusterOverview;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.sink.legacy.SinkFunction;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Smoke tests: a real JobManager and TaskManagers in this JVM, and jobs run through the "local" target. */
class MiniClusterTest {
    static final Set<Long> SEEN = ConcurrentHashMap.newKeySet();

    @Test
    void startsRegistersTaskManagersAndStops() throws Exception {
        long start = System.nanoTime();
        try (MiniCluster cluster = MiniCluster.start(new Configuration(), 2, 3)) {
            cluster.waitUntilTaskManagersRegistered(Duration.ofSeconds(20));
            long startupMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            ClusterOverview overview = cluster.getDispatcherGateway().getClusterOverview().get(10, TimeUnit.SECONDS);

            assertThat(cluster.getRpcAddress()).startsWith("127.0.0.1:");
            assertThat(overview.getTaskManagersCount()).isEqualTo(2);
            assertThat(overview.getSlotsTotal()).isEqualTo(6);
            assertThat(overview.getTaskManagersList()).allMatch(tm -> tm.getDataAddress().startsWith("127.0.0.1:"));
            assertThat(startupMillis).as("startup time").isLessThan(10_000);
        }
    }

    @Test
    void rejectsAnEmptyCluster() {
        assertThatThrownBy(() -> MiniCluster.start(new Configuration(), 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 TaskManager");
    }

    @Test
    void localTargetRunsAJobWithSlotsForItsParallelism() throws Exception {
        SEEN.clear();
        Configuration conf = new Configuration();
        conf.set(DeploymentOptions.TARGET, "local");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(3);
        env.fromSequence(1, 1000).map(new Doubler()).addSink(new Remember());

        JobExecutionResult result = env.execute("local smoke");

        assertThat(result.getJobID()).isNotNull();
        assertThat(SEEN).isEqualTo(LongStream.rangeClosed(1, 1000).map(v -> 2 * v).boxed().collect(Collectors.toSet()));
    }

    @Test
    void localTargetReportsAFailingFunction() {
        Configuration conf = new Configuration();
        conf.set(DeploymentOptions.TARGET, "local");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.fromSequence(1, 100).map(new Poison()).addSink(new Remember());

        assertThatThrownBy(() -> env.execute("failing"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("Record 42 is poison");
    }

    static final class Doubler implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) {
            return 2 * value;
        }
    }

    static final class Poison implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) {
            if (value == 42) {
                throw new IllegalStateException("Record 42 is poison");
            }
            return value;
        }
    }

    static final class Remember implements SinkFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(Long value, Context context) {
            SEEN.add(value);
        }
    }
}
