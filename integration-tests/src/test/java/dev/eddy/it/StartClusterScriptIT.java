package dev.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eddy.it.support.EddyHost;
import dev.eddy.it.support.JobManagerClient;
import dev.eddy.it.support.ProcessResult;
import dev.eddy.proto.ClusterOverview;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/start-cluster.sh starts a JobManager and one TaskManager per conf/workers line; stop-cluster.sh stops them all. */
class StartClusterScriptIT {
    @TempDir
    Path tmp;

    @Test
    void startAndStopClusterFromTheWorkersFile() throws Exception {
        int port = EddyHost.freePort();
        try (EddyHost host = new EddyHost(EddyHost.distribution(), tmp.resolve("host"), Map.of(
                        "jobmanager.rpc.address", "127.0.0.1",
                        "jobmanager.rpc.port", String.valueOf(port),
                        "taskmanager.numberOfTaskSlots", "2"), null);
                JobManagerClient jm = new JobManagerClient("127.0.0.1:" + port)) {
            Files.writeString(host.confDir().resolve("workers"), "localhost\n127.0.0.1\n");

            ProcessResult start = host.script("start-cluster.sh");
            assertThat(start.exitCode()).as(start.toString()).isZero();
            await("JobManager and both workers up").atMost(Duration.ofSeconds(60)).until(() -> {
                ClusterOverview o = jm.overviewOrNull();
                return o != null && o.getTaskManagersCount() == 2 && o.getSlotsTotal() == 4;
            });
            List<Long> pids = host.pids();
            assertThat(EddyHost.alive(pids)).hasSize(3);

            // a second JobManager on the same port fails to start, and the script says so with exit code 1
            ProcessResult again = host.script("jobmanager.sh", "start");
            assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
            assertThat(again.output()).contains("exited while starting").contains("Is another JobManager running");

            ProcessResult stop = host.script("stop-cluster.sh");
            assertThat(stop.exitCode()).as(stop.toString()).isZero();
            await("no process left").atMost(Duration.ofSeconds(30)).until(() -> EddyHost.alive(pids).isEmpty());
        }
    }
}
