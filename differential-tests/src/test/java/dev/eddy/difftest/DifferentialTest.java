package dev.eddy.difftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every job in {@code dev.eddy.difftest.jobs} (a class with {@code static DataStream<String>
 * build(StreamExecutionEnvironment)}) runs on Apache Flink 2.3.0 at parallelism 2 and on Eddy at
 * parallelism 1 and 2; each Eddy run's sorted output lines must equal Flink's, which must not be
 * empty. (The jobs are written so that their output does not depend on parallelism or timing: on
 * Flink, parallelism 1 and 2 give the same lines, which was checked when each job was added.)
 */
class DifferentialTest {
    /** The jobs compared; each must also appear as a source file in the jobs directory. */
    static final List<String> JOBS = List.of("RollingReduceJob", "TimersJob", "TumblingWindowJob", "SlidingWindowJob",
            "SessionWindowJob", "CountAndGlobalWindowJob", "WindowAllJob", "JoinJob", "ConnectJob", "BroadcastJob",
            "SideOutputJob", "AsyncJob", "AsyncIoJob", "EndOfStreamWindowJob");

    @BeforeAll
    static void compileFlinkTwins(@TempDir Path work) throws Exception {
        FlinkTwins.compile(Path.of(System.getProperty("difftest.jobs")), work, Path.of(System.getProperty("difftest.classes")));
    }

    private static final Map<String, List<String>> FLINK_OUTPUT = new ConcurrentHashMap<>();

    static Stream<Arguments> jobs() {
        return JOBS.stream().flatMap(job -> Stream.of(Arguments.of(job, 1), Arguments.of(job, 2)));
    }

    @ParameterizedTest(name = "{0} at parallelism {1}")
    @MethodSource("jobs")
    void sameOutputAsFlink(String job, int parallelism) throws Exception {
        Class<?> eddyJob = Class.forName("dev.eddy.difftest.jobs." + job);
        Class<?> flinkJob = Class.forName("org.apache.flink.difftest.jobs." + job);

        List<String> flink = FLINK_OUTPUT.get(job);
        if (flink == null) {
            flink = Engines.runFlink(flinkJob, 2);
            FLINK_OUTPUT.put(job, flink);
        }
        List<String> eddy = Engines.runEddy(eddyJob, parallelism);

        assertThat(flink).as("Flink output of " + job).isNotEmpty();
        assertThat(eddy).as("Eddy output of " + job + " (left) vs Flink's (right)").containsExactlyElementsOf(flink);
    }

    @org.junit.jupiter.api.Test
    void everyJobSourceIsListed() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("difftest.jobs")))) {
            List<String> classes = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("Job.java"))
                    .map(n -> n.substring(0, n.length() - ".java".length()))
                    .sorted().toList();
            assertThat(JOBS).containsExactlyInAnyOrderElementsOf(classes);
        }
    }
}
