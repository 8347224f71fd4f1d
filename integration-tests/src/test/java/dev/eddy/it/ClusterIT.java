package dev.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eddy.it.jobs.endless.EndlessJob;
import dev.eddy.it.jobs.keyedcount.KeyedCountJob;
import dev.eddy.it.support.EddyHost;
import dev.eddy.it.support.JobJars;
import dev.eddy.it.support.JobManagerClient;
import dev.eddy.it.support.Outputs;
import dev.eddy.it.support.ProcessResult;
import dev.eddy.proto.ClusterOverview;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One JobManager and two TaskManagers × 2 slots started by the distribution's scripts, each
 * TaskManager's heap capped at 256 MB; jobs submitted with {@code bin/eddy}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");
    static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    static Path tmp;

    static EddyHost host;
    static JobManagerClient jm;
    static String jmAddress;

    @BeforeAll
    static void startCluster() {
        int port = EddyHost.freePort();
        jmAddress = "127.0.0.1:" + port;
        host = new EddyHost(EddyHost.distribution(), tmp.resolve("host"), Map.of(
                "jobmanager.rpc.address", "127.0.0.1",
                "jobmanager.rpc.port", String.valueOf(port),
                "taskmanager.numberOfTaskSlots", "2",
                "taskmanager.memory.heap.size", "256m"), null);
        host.startJobManager();
        host.startTaskManager();
        host.startTaskManager();
        jm = new JobManagerClient(jmAddress);
        await("2 TaskManagers registered").atMost(Duration.ofSeconds(60)).until(() -> {
            ClusterOverview o = jm.overviewOrNull();
            return o != null && o.getTaskManagersCount() == 2 && o.getSlotsTotal() == 4;
        });
    }

    @AfterAll
    static void stopCluster() {
        if (jm != null) {
            jm.close();
        }
        if (host != null) {
            host.close();
        }
    }

    static String jobId(ProcessResult r) {
        Matcher m = JOB_ID.matcher(r.output());
        assertThat(m.find()).as("job id printed in %s", r).isTrue();
        return m.group(1);
    }

    @Test
    @Order(1)
    void wordCountAtParallelism4SpansBothTaskManagersAndIsCorrect() throws Exception {
        String text = Outputs.sampleText(2000);
        Path input = Files.writeString(tmp.resolve("words.txt"), text);
        Path jar = EddyHost.distribution().resolve("examples/WordCount.jar");

        ProcessResult r = host.eddy(JOB_TIMEOUT, "run", "-m", jmAddress, "-p", "4", jar.toString(), "--input", input.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        String jobId = jobId(r);
        assertThat(r.output()).contains("has finished");
        // print() goes to each TaskManager's .out file: both must have printed part of the result
        try (Stream<Path> outs = Files.list(host.logDir())) {
            var outFiles = outs.filter(f -> f.getFileName().toString().contains("taskmanager")
                    && f.getFileName().toString().endsWith(".out")).toList();
            assertThat(outFiles).hasSize(2);
            StringBuilder all = new StringBuilder();
            for (Path f : outFiles) {
                String content = Files.readString(f);
                assertThat(content).as("output of %s", f.getFileName()).containsPattern("\\d> \\(");
                all.append(content);
            }
            assertThat(Outputs.finalCounts(all.toString())).isEqualTo(Outputs.expectedWordCounts(text));
        }
        ProcessResult list = host.eddy(Duration.ofSeconds(60), "list", "-m", jmAddress);
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.stdout()).containsPattern(jobId + ".*FINISHED");
    }

    @Test
    @Order(2)
    void twentyMillionKeyedRecordsFinishWith256MbTaskManagers() throws Exception {
        Path jar = JobJars.build(tmp.resolve("keyed-count.jar"), KeyedCountJob.class, true);
        Path out = tmp.resolve("keyed-out");

        ProcessResult r = host.eddy(JOB_TIMEOUT, "run", "-m", jmAddress, "-p", "4", jar.toString(),
                "20000000", "1000", out.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Map<Long, Long> counts = Outputs.keyedCounts(out);
        assertThat(counts).hasSize(1000);
        assertThat(counts.values()).allMatch(c -> c == 20_000L);
    }

    @Test
    @Order(3)
    void cancellingAnUnboundedJobFreesItsSlots() throws Exception {
        Path jar = JobJars.build(tmp.resolve("endless.jar"), EndlessJob.class, true);

        ProcessResult r = host.eddy(Duration.ofSeconds(90), "run", "-d", "-m", jmAddress, "-p", "4", jar.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        String jobId = jobId(r);
        await("job running").atMost(Duration.ofSeconds(60)).until(() -> jm.status(jobId).getState().equals("RUNNING"));
        assertThat(jm.overview().getSlotsFree()).isZero();
        await("watermarks reach the keyed map").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ProcessResult running = host.eddy(Duration.ofSeconds(60), "status", "-m", jmAddress, jobId);
            assertThat(running.stdout()).as(running.toString()).contains("Watermarks:")
                    .containsPattern("\\(\\d/4\\): input 0 at \\d+");
        });

        ProcessResult cancel = host.eddy(Duration.ofSeconds(60), "cancel", "-m", jmAddress, jobId);
        assertThat(cancel.exitCode()).as(cancel.toString()).isZero();
        assertThat(cancel.stdout()).contains("Cancelled job " + jobId);

        await("job canceled").atMost(Duration.ofSeconds(30)).until(() -> jm.status(jobId).getState().equals("CANCELED"));
        await("slots free").atMost(Duration.ofSeconds(30)).until(() -> jm.overview().getSlotsFree() == 4);
        ProcessResult status = host.eddy(Duration.ofSeconds(60), "status", "-m", jmAddress, jobId);
        assertThat(status.stdout()).contains("CANCELED");
    }

    @Test
    @Order(4)
    void stoppingTheClusterLeavesNoProcess() {
        var pids = host.pids();
        assertThat(EddyHost.alive(pids)).as("JobManager and 2 TaskManagers").hasSize(3);
        host.stopAll();
        await("all processes gone").atMost(Duration.ofSeconds(30)).until(() -> EddyHost.alive(pids).isEmpty());
    }
}
