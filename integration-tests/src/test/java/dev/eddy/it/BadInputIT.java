package dev.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eddy.it.jobs.endless.EndlessJob;
import dev.eddy.it.jobs.failing.FailingMapJob;
import dev.eddy.it.jobs.throwingmain.ThrowingMainJob;
import dev.eddy.it.support.EddyHost;
import dev.eddy.it.support.JobJars;
import dev.eddy.it.support.JobManagerClient;
import dev.eddy.it.support.ProcessResult;
import dev.eddy.proto.ClusterOverview;
import dev.eddy.proto.TaskManagerInfo;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input of every kind gets a clear message and harms nothing: after each case a correct job
 * runs on the same cluster (1 JobManager, 2 TaskManagers × 2 slots, real processes).
 */
class BadInputIT {
    static final Duration CLI_TIMEOUT = Duration.ofMinutes(2);

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
                "heartbeat.interval", "1 s",
                "heartbeat.timeout", "5 s"), null);
        host.startJobManager();
        host.startTaskManager();
        host.startTaskManager();
        jm = new JobManagerClient(jmAddress);
        awaitTaskManagers(2);
    }

    static void awaitTaskManagers(int n) {
        await(n + " TaskManagers registered").atMost(Duration.ofSeconds(60)).until(() -> {
            ClusterOverview o = jm.overviewOrNull();
            return o != null && o.getTaskManagersCount() == n && o.getSlotsFree() == 2 * n;
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

    /** After every case: the cluster still runs a correct job. */
    @AfterEach
    void clusterStillHealthy() {
        Path jar = EddyHost.distribution().resolve("examples/WordCount.jar");
        ProcessResult r = host.eddy(CLI_TIMEOUT, "run", "-m", jmAddress, "-p", "2", jar.toString());
        assertThat(r.exitCode()).as("a correct job after the bad input: %s", r).isZero();
        assertThat(r.output()).contains("has finished");
    }

    ProcessResult run(String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "run";
        full[1] = "-m";
        full[2] = jmAddress;
        System.arraycopy(args, 0, full, 3, args.length);
        return host.eddy(CLI_TIMEOUT, full);
    }

    @Test
    void missingJar() {
        ProcessResult r = run(tmp.resolve("no-such.jar").toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("no-such.jar").contains("does not exist");
    }

    @Test
    void fileThatIsNotAJar() throws Exception {
        Path notJar = Files.writeString(tmp.resolve("not-a-jar.jar"), "just some text, not a zip archive\n");
        ProcessResult r = run(notJar.toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("not-a-jar.jar").contains("is not a jar file");
    }

    @Test
    void jarWithoutMainClass() {
        Path jar = JobJars.build(tmp.resolve("no-main.jar"), ThrowingMainJob.class, false);
        ProcessResult r = run(jar.toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("No main class");
    }

    @Test
    void mainThatThrows() {
        Path jar = JobJars.build(tmp.resolve("throwing-main.jar"), ThrowingMainJob.class, true);
        ProcessResult r = run(jar.toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("main method threw an exception")
                .contains("IllegalArgumentException").contains("This main refuses to run: missing --magic");
    }

    @Test
    void functionThatThrowsAtRunTimeFailsTheJobWithTheUsersStackTrace() throws Exception {
        Path jar = JobJars.build(tmp.resolve("failing-map.jar"), FailingMapJob.class, true);
        ProcessResult r = run("-p", "2", jar.toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("IllegalStateException").contains("Record 42 is poison")
                .contains("FailingMapJob$PoisonCheck.map");
        String jobId = ClusterIT.jobId(r);
        ProcessResult status = host.eddy(CLI_TIMEOUT, "status", "-m", jmAddress, jobId);
        assertThat(status.stdout()).contains("FAILED").contains("Record 42 is poison").contains("FailingMapJob$PoisonCheck.map");
    }

    @Test
    void randomBytesToTheJobManagerPort() throws Exception {
        sendGarbage("127.0.0.1", Integer.parseInt(jmAddress.split(":")[1]));
        ProcessResult list = host.eddy(CLI_TIMEOUT, "list", "-m", jmAddress);
        assertThat(list.exitCode()).as(list.toString()).isZero();
    }

    @Test
    void randomBytesToATaskManagerDataPort() throws Exception {
        for (TaskManagerInfo tm : jm.overview().getTaskManagersList()) {
            String[] hostPort = tm.getDataAddress().split(":");
            sendGarbage(hostPort[0], Integer.parseInt(hostPort[1]));
        }
        assertThat(jm.overview().getTaskManagersCount()).isEqualTo(2);
    }

    @Test
    void taskManagerKilledMidJob() throws Exception {
        Path jar = JobJars.build(tmp.resolve("endless.jar"), EndlessJob.class, true);
        ProcessResult r = run("-d", "-p", "4", jar.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String jobId = ClusterIT.jobId(r);
        await("job running").atMost(Duration.ofSeconds(60)).until(() -> jm.status(jobId).getState().equals("RUNNING"));
        Set<String> before = jm.overview().getTaskManagersList().stream().map(TaskManagerInfo::getTaskManagerId)
                .collect(Collectors.toSet());

        List<Long> pids = host.pids("taskmanager");
        long victim = pids.get(pids.size() - 1); // the newest TaskManager
        ProcessHandle.of(victim).orElseThrow().destroyForcibly();
        long killedAt = System.nanoTime();

        await("job failed").atMost(Duration.ofSeconds(30)).until(() -> jm.status(jobId).getState().equals("FAILED"));
        long seconds = (System.nanoTime() - killedAt) / 1_000_000_000L;
        assertThat(seconds).as("noticed within heartbeat timeout (5 s) + slack").isLessThanOrEqualTo(12);
        Set<String> after = jm.overview().getTaskManagersList().stream().map(TaskManagerInfo::getTaskManagerId)
                .collect(Collectors.toSet());
        before.removeAll(after);
        assertThat(before).as("exactly the killed TaskManager is gone").hasSize(1);
        String lost = before.iterator().next();
        assertThat(jm.status(jobId).getFailure()).contains(lost).contains("lost");

        host.startTaskManager();
        awaitTaskManagers(2);
    }

    static void sendGarbage(String hostName, int port) throws Exception {
        byte[] junk = new byte[64 * 1024];
        new Random(7).nextBytes(junk);
        try (Socket s = new Socket(hostName, port); OutputStream out = s.getOutputStream()) {
            s.setSoTimeout(5000);
            try {
                out.write(junk);
                out.flush();
                // the peer may close on us: that is the expected reaction
                s.getInputStream().read();
            } catch (java.io.IOException expected) {
                // connection closed by the server
            }
        }
    }
}
