package dev.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eddy.it.jobs.bigstate.BigStateJob;
import dev.eddy.it.jobs.eventtime.EventTimeRecoveryJob;
import dev.eddy.it.jobs.exactlyonce.ExactlyOnceFileJob;
import dev.eddy.it.jobs.rescale.KeyedCountFilesJob;
import dev.eddy.it.support.Commands;
import dev.eddy.it.support.EddyHost;
import dev.eddy.it.support.JobJars;
import dev.eddy.it.support.JobManagerClient;
import dev.eddy.it.support.Outputs;
import dev.eddy.it.support.ProcessResult;
import dev.eddy.proto.ClusterOverview;
import dev.eddy.proto.JobStatusProto;
import dev.eddy.proto.TaskManagerInfo;
import dev.eddy.proto.VertexStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints, recovery and savepoints with real processes: a JobManager and three TaskManagers
 * (2 slots, 192 MB heap each) started by the scripts, jobs submitted with {@code bin/eddy}, the
 * checkpoint directory shared through the file system.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckpointRecoveryIT {
    static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");
    static final Pattern SAVEPOINT = Pattern.compile("Savepoint completed\\. Path: (\\S+)");
    static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);
    static final long HEAP_MB = 192;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // logs of a failed run stay for inspection
    static Path tmp;

    static EddyHost host;
    static JobManagerClient jm;
    static String jmAddress;
    static Path checkpoints;

    @BeforeAll
    static void startCluster() {
        int port = EddyHost.freePort();
        jmAddress = "127.0.0.1:" + port;
        checkpoints = tmp.resolve("checkpoints");
        host = new EddyHost(EddyHost.distribution(), tmp.resolve("host"), Map.of(
                "jobmanager.rpc.address", "127.0.0.1",
                "jobmanager.rpc.port", String.valueOf(port),
                "taskmanager.numberOfTaskSlots", "2",
                "taskmanager.memory.heap.size", HEAP_MB + "m",
                "execution.checkpointing.dir", checkpoints.toString(),
                "execution.checkpointing.savepoint-dir", tmp.resolve("savepoints").toString()), null);
        host.startJobManager();
        for (int i = 0; i < 3; i++) {
            host.startTaskManager();
        }
        jm = new JobManagerClient(jmAddress);
        awaitTaskManagers(3);
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

    static void awaitTaskManagers(int n) {
        await(n + " TaskManagers registered").atMost(Duration.ofSeconds(60)).until(() -> {
            ClusterOverview o = jm.overviewOrNull();
            return o != null && o.getTaskManagersCount() == n;
        });
    }

    static String jobId(ProcessResult r) {
        Matcher m = JOB_ID.matcher(r.output());
        assertThat(m.find()).as("job id printed in %s", r).isTrue();
        return m.group(1);
    }

    static String savepointPath(ProcessResult r) {
        Matcher m = SAVEPOINT.matcher(r.output());
        assertThat(m.find()).as("savepoint path printed in %s", r).isTrue();
        return m.group(1);
    }

    static boolean allTasksRunning(JobStatusProto s) {
        if (!s.getState().equals("RUNNING") || s.getVerticesCount() == 0) {
            return false;
        }
        for (VertexStatus v : s.getVerticesList()) {
            if (v.getTasksPerStateOrDefault("RUNNING", 0) != v.getParallelism()) {
                return false;
            }
        }
        return true;
    }

    /** Committed output lines (visible files only: in-progress and pending files are hidden). */
    static List<String> committedLines(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        String all = Outputs.readAllVisible(dir);
        return all.isEmpty() ? List.of() : List.of(all.split("\n"));
    }

    /** The pid of the process listening on {@code port} (a TaskManager's RPC port), via ss. */
    static long pidListeningOn(int port) {
        ProcessResult r = Commands.run(List.of("ss", "-ltnpH", "sport = :" + port), Map.of(), null, Duration.ofSeconds(20));
        Matcher m = Pattern.compile("pid=(\\d+)").matcher(r.stdout());
        assertThat(m.find()).as("a process listens on port %d: %s", port, r).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Kills -9 a TaskManager that holds slots of the running job; returns its id. */
    static String killBusyTaskManager() throws Exception {
        TaskManagerInfo busy = jm.overview().getTaskManagersList().stream().filter(t -> t.getSlotsFree() < t.getSlotsTotal())
                .findFirst().orElseThrow(() -> new AssertionError("no TaskManager holds a slot"));
        int port = Integer.parseInt(busy.getRpcAddress().substring(busy.getRpcAddress().lastIndexOf(':') + 1));
        long pid = pidListeningOn(port);
        assertThat(host.pids("taskmanager")).as("the busy TaskManager is one of ours").contains(pid);
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        return busy.getTaskManagerId();
    }

    /** Waits until the job left RUNNING and is back with every task RUNNING; returns seconds since {@code killedAt}. */
    static long awaitRecovered(String jobId, long killedAt) {
        await("job noticed the failure").pollInterval(Duration.ofMillis(50)).atMost(Duration.ofSeconds(30))
                .until(() -> !allTasksRunning(jm.status(jobId)));
        await("job running again").pollInterval(Duration.ofMillis(100)).atMost(Duration.ofSeconds(60))
                .until(() -> allTasksRunning(jm.status(jobId)));
        return (System.nanoTime() - killedAt) / 1_000_000_000L;
    }

    @Test
    @Order(1)
    void killingTaskManagersTwiceLosesAndDuplicatesNothingInTheTransactionalFileSink() throws Exception {
        int records = 1_000_000;
        Path out = tmp.resolve("exactly-once-out");
        Path jar = JobJars.build(tmp.resolve("exactly-once.jar"), ExactlyOnceFileJob.class, true);
        ProcessResult r = host.eddy(Duration.ofSeconds(90), "run", "-d", "-m", jmAddress, "-p", "2", jar.toString(),
                String.valueOf(records), out.toString(), "300", "25");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String jobId = jobId(r);

        for (int kill = 1; kill <= 2; kill++) {
            int committedBefore = committedLines(out).size();
            await("a checkpoint committed output").atMost(Duration.ofSeconds(90))
                    .until(() -> allTasksRunning(jm.status(jobId)) && committedLines(out).size() > committedBefore);
            int checkpointsBefore = completedCheckpointLines();
            String victim = killBusyTaskManager();
            long killedAt = System.nanoTime();
            long seconds = awaitRecovered(jobId, killedAt);
            double toRunning = (System.nanoTime() - killedAt) / 1e9;
            await("a checkpoint after the restart").atMost(Duration.ofSeconds(60))
                    .until(() -> completedCheckpointLines() > checkpointsBefore && jmLogHasCheckpointAfterRestart());
            System.out.printf("FIGURE kill %d: TaskManager kill -> job RUNNING %.1f s, -> first completed checkpoint %.1f s%n",
                    kill, toRunning, (System.nanoTime() - killedAt) / 1e9);
            assertThat(seconds).as("kill %d: RUNNING again within heartbeat timeout (10 s) + a few seconds", kill)
                    .isLessThanOrEqualTo(18);
            assertThat(jm.overview().getTaskManagersList()).extracting(TaskManagerInfo::getTaskManagerId).doesNotContain(victim);
            host.startTaskManager(); // keep three for the next kill
        }

        await("job finished").atMost(JOB_TIMEOUT).until(() -> jm.status(jobId).getState().equals("FINISHED"));
        List<Long> got = committedLines(out).stream().map(Long::parseLong).sorted().toList();
        assertThat(got).as("committed records").hasSize(records);
        for (int i = 0; i < records; i++) {
            if (got.get(i) != i) {
                throw new AssertionError("committed output differs at position " + i + ": " + got.get(i));
            }
        }
        awaitTaskManagers(3);
    }

    private static int completedCheckpointLines() {
        Matcher m = Pattern.compile("Completed checkpoint \\d+").matcher(host.logs("jobmanager"));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    @Order(4)
    void windowsTimersAndAsyncRequestsInFlightSurviveTwoKillsWithTheOutputOfAnUndisturbedRun() throws Exception {
        String records = "240000";
        String keys = "7";
        Path jar = JobJars.build(tmp.resolve("event-time-recovery.jar"), EventTimeRecoveryJob.class, true);
        Path straight = tmp.resolve("event-time-straight");
        ProcessResult s = host.eddy(JOB_TIMEOUT, "run", "-m", jmAddress, "-p", "2", jar.toString(),
                records, keys, straight.toString(), "300", "100000");
        assertThat(s.exitCode()).as(s.toString()).isZero();
        List<String> expected = committedLines(straight).stream().sorted().toList();
        assertThat(expected).as("undisturbed output: one line per key and 1 s window").hasSizeGreaterThan(2_000);

        Path out = tmp.resolve("event-time-killed");
        ProcessResult r = host.eddy(Duration.ofSeconds(90), "run", "-d", "-m", jmAddress, "-p", "2", jar.toString(),
                records, keys, out.toString(), "300", "5");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String jobId = jobId(r);
        for (int kill = 1; kill <= 2; kill++) {
            int committedBefore = committedLines(out).size();
            await("a checkpoint committed window results").atMost(Duration.ofSeconds(90))
                    .until(() -> allTasksRunning(jm.status(jobId)) && committedLines(out).size() > committedBefore);
            killBusyTaskManager();
            awaitRecovered(jobId, System.nanoTime());
            host.startTaskManager();
        }
        await("job finished").atMost(JOB_TIMEOUT).until(() -> jm.status(jobId).getState().equals("FINISHED"));
        List<String> got = committedLines(out).stream().sorted().toList();
        assertThat(got).as("output after two TaskManager kills vs an undisturbed run").isEqualTo(expected);
        awaitTaskManagers(3);
    }

    /** True once the JobManager log shows a completed checkpoint after the latest restart line. */
    private static boolean jmLogHasCheckpointAfterRestart() {
        String log = host.logs("jobmanager");
        int restart = log.lastIndexOf("RESTARTING to RUNNING");
        return restart >= 0 && Pattern.compile("Completed checkpoint \\d+").matcher(log.substring(restart)).find();
    }

    @Test
    @Order(2)
    void savepointRescaleTwoToThreeToOneGivesTheSameOutputAsAStraightRun() throws Exception {
        String records = "300000";
        String keys = "50";
        String throttle = "10";
        Path jar = JobJars.build(tmp.resolve("keyed-count-files.jar"), KeyedCountFilesJob.class, true);
        Path straight = tmp.resolve("straight-out");
        Path resumed = tmp.resolve("resumed-out");

        ProcessResult s = host.eddy(JOB_TIMEOUT, "run", "-m", jmAddress, "-p", "2", jar.toString(), records, keys, straight.toString(), throttle);
        assertThat(s.exitCode()).as(s.toString()).isZero();

        ProcessResult r1 = host.eddy(Duration.ofSeconds(90), "run", "-d", "-m", jmAddress, "-p", "2", jar.toString(),
                records, keys, resumed.toString(), throttle);
        String job1 = jobId(r1);
        String sp1 = stopWhenSomeOutputIsCommitted(job1, resumed, 0);

        ProcessResult r2 = host.eddy(Duration.ofSeconds(90), "run", "-d", "-m", jmAddress, "-p", "3", "-s", sp1, jar.toString(),
                records, keys, resumed.toString(), throttle);
        assertThat(r2.exitCode()).as(r2.toString()).isZero();
        String job2 = jobId(r2);
        String sp2 = stopWhenSomeOutputIsCommitted(job2, resumed, committedLines(resumed).size());

        ProcessResult r3 = host.eddy(JOB_TIMEOUT, "run", "-m", jmAddress, "-p", "1", "-s", sp2, jar.toString(),
                records, keys, resumed.toString(), throttle);
        assertThat(r3.exitCode()).as(r3.toString()).isZero();

        List<String> expected = new ArrayList<>(committedLines(straight));
        List<String> actual = new ArrayList<>(committedLines(resumed));
        assertThat(expected).hasSize(Integer.parseInt(records));
        expected.sort(null);
        actual.sort(null);
        assertThat(actual).as("stopped at p=2, resumed at 3, then at 1").isEqualTo(expected);
    }

    private static String stopWhenSomeOutputIsCommitted(String jobId, Path out, int committedBefore) throws Exception {
        // at p=3 one source subtask gets no split and finishes at once: checkpoints go on without it
        await("job running and committing").atMost(Duration.ofSeconds(90))
                .until(() -> jm.status(jobId).getState().equals("RUNNING") && committedLines(out).size() > committedBefore);
        ProcessResult stop = host.eddy(Duration.ofMinutes(3), "stop", "-m", jmAddress, "--savepointPath",
                tmp.resolve("savepoints").toString(), jobId);
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        String path = savepointPath(stop);
        assertThat(Path.of(path).resolve("_metadata")).exists();
        await("stopped job finished").atMost(Duration.ofSeconds(60)).until(() -> jm.status(jobId).getState().equals("FINISHED"));
        assertThat(committedLines(out).size()).as("the job stopped before the end of its input")
                .isLessThan(300_000);
        return path;
    }

    @Test
    @Order(3)
    void rocksDbKeepsAndCheckpointsKeyedStateFourTimesTheTaskManagerHeap() throws Exception {
        long keys = 850_000;
        int valueBytes = 1_000;
        assertThat(keys * valueBytes).isGreaterThanOrEqualTo(4 * HEAP_MB * 1024 * 1024);
        Path jar = JobJars.build(tmp.resolve("big-state.jar"), BigStateJob.class, true);
        Path out = tmp.resolve("big-state-out");
        ProcessResult r = host.eddy(Duration.ofSeconds(90), "run", "-d", "-m", jmAddress, "-p", "1",
                "-D", "state.backend.type=rocksdb", jar.toString(), String.valueOf(keys), String.valueOf(valueBytes), out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String jobId = jobId(r);
        Path jobCheckpoints = checkpoints.resolve(jobId);
        AtomicLong largestCheckpoint = new AtomicLong();
        await("job finished").atMost(JOB_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            largestCheckpoint.accumulateAndGet(completedCheckpointBytes(jobCheckpoints), Math::max);
            String state = jm.status(jobId).getState();
            assertThat(state).isNotIn("FAILED", "CANCELED");
            return state.equals("FINISHED");
        });
        assertThat(Files.readString(out.resolve("keys-0")).trim()).isEqualTo(String.valueOf(keys));
        assertThat(largestCheckpoint.get()).as("bytes referenced by a completed checkpoint")
                .isGreaterThanOrEqualTo(4 * HEAP_MB * 1024 * 1024 * 9 / 10);
    }

    /** Bytes of the job's shared directory while some chk-n/_metadata exists (0 when none). */
    private static long completedCheckpointBytes(Path jobDir) {
        if (!Files.isDirectory(jobDir)) {
            return 0;
        }
        try (Stream<Path> chks = Files.list(jobDir)) {
            boolean completed = chks.anyMatch(p -> p.getFileName().toString().startsWith("chk-") && Files.exists(p.resolve("_metadata")));
            if (!completed) {
                return 0;
            }
        } catch (IOException | UncheckedIOException e) {
            return 0; // a checkpoint directory was deleted while listing
        }
        long total = 0;
        try (Stream<Path> files = Files.walk(jobDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                try {
                    if (Files.isRegularFile(f)) {
                        total += Files.size(f);
                    }
                } catch (IOException ignored) {
                    // deleted meanwhile
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
        return total;
    }
}
