package dev.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.eddy.it.jobs.exactlyonce.ExactlyOnceFileJob;
import dev.eddy.it.jobs.keyedcount.KeyedCountJob;
import dev.eddy.it.support.EddyHost;
import dev.eddy.it.support.JobJars;
import dev.eddy.it.support.Netns;
import dev.eddy.it.support.Outputs;
import dev.eddy.it.support.ProcessResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three hosts, each in its own network namespace with its own address: a JobManager on
 * 10.233.0.1 and TaskManagers on .2 and .3 (2 slots each). A keyed job at parallelism 4 spreads
 * over both TaskManagers, gives exact counts, and its records are shown to cross between the
 * namespaces by the TaskManagers' interface byte counters. Then a checkpointed job writing through the
 * transactional file sink stores its checkpoints in one directory all hosts share.
 */
class MultiHostIT {
    @TempDir
    Path tmp;

    @Test
    void jobSpreadOverTwoHostsExchangesRecordsAcrossTheNetwork() throws Exception {
        assumeThat(Netns.available()).as("root with iproute2 (CI installs it)").isTrue();
        Path dist = EddyHost.distribution();
        Map<String, String> conf = Map.of(
                "jobmanager.rpc.address", Netns.address(1),
                "jobmanager.rpc.port", "6123",
                "taskmanager.numberOfTaskSlots", "2");
        try (Netns net = new Netns("eddyit")) {
            String jmNs = net.addHost(1);
            String tm1Ns = net.addHost(2);
            String tm2Ns = net.addHost(3);
            try (EddyHost jmHost = new EddyHost(dist, tmp.resolve("h1"), conf, jmNs);
                    EddyHost tm1 = new EddyHost(dist, tmp.resolve("h2"), conf, tm1Ns);
                    EddyHost tm2 = new EddyHost(dist, tmp.resolve("h3"), conf, tm2Ns)) {
                jmHost.startJobManager();
                tm1.startTaskManager();
                tm2.startTaskManager();
                String jmAddress = Netns.address(1) + ":6123";
                await("both TaskManagers registered").atMost(Duration.ofSeconds(60)).until(() -> {
                    ProcessResult r = jmHost.eddy(Duration.ofSeconds(30), "list", "-m", jmAddress);
                    return r.exitCode() == 0 && tm1.logs("taskmanager").contains("registered at the ResourceManager")
                            && tm2.logs("taskmanager").contains("registered at the ResourceManager");
                });
                long tx2 = net.txBytes(2);
                long tx3 = net.txBytes(3);

                Path jar = JobJars.build(tmp.resolve("keyed-count.jar"), KeyedCountJob.class, true);
                Path out = tmp.resolve("out");
                ProcessResult r = jmHost.eddy(Duration.ofMinutes(3), "run", "-m", jmAddress, "-p", "4", jar.toString(),
                        "2000000", "100", out.toString());

                assertThat(r.exitCode()).as(r + "\nTM logs:\n" + tm1.logs("taskmanager") + tm2.logs("taskmanager")).isZero();
                Map<Long, Long> counts = Outputs.keyedCounts(out);
                assertThat(counts).hasSize(100);
                assertThat(counts.values()).allMatch(c -> c == 20_000L);
                long sent2 = net.txBytes(2) - tx2;
                long sent3 = net.txBytes(3) - tx3;
                // control traffic is a few KB; a keyed shuffle of 2M records sends megabytes between the hosts
                assertThat(sent2).as("bytes sent by TaskManager host 10.233.0.2").isGreaterThan(2_000_000L);
                assertThat(sent3).as("bytes sent by TaskManager host 10.233.0.3").isGreaterThan(2_000_000L);
                assertThat(tm1.logs("taskmanager")).contains(Netns.address(2));
                assertThat(tm2.logs("taskmanager")).contains(Netns.address(3));

                // checkpoints across hosts: both TaskManagers write into one directory every host sees
                Path shared = tmp.resolve("shared-checkpoints");
                Path files = tmp.resolve("files-out");
                Path eoJar = JobJars.build(tmp.resolve("exactly-once.jar"), ExactlyOnceFileJob.class, true);
                ProcessResult eo = jmHost.eddy(Duration.ofMinutes(3), "run", "-m", jmAddress, "-p", "4",
                        "-D", "execution.checkpointing.dir=" + shared, eoJar.toString(), "200000", files.toString(), "200", "50");
                assertThat(eo.exitCode()).as(eo + "\nJM log:\n" + jmHost.logs("jobmanager")).isZero();
                assertThat(jmHost.logs("jobmanager")).containsPattern("Completed checkpoint \\d+");
                List<Long> lines = Outputs.readAllVisible(files).lines().map(Long::parseLong).sorted().toList();
                assertThat(lines).hasSize(200_000);
                assertThat(lines.get(0)).isZero();
                assertThat(lines.get(lines.size() - 1)).isEqualTo(199_999L);
                assertThat(lines.stream().distinct().count()).isEqualTo(200_000L);
            }
        }
    }
}
