package dev.eddy.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.proto.JobStatusProto;
import dev.eddy.proto.VertexStatus;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCommandsTest {
    private static final String ID1 = "0123456789abcdef0123456789abcdef";
    private static final String ID2 = "fedcba9876543210fedcba9876543210";
    @TempDir
    Path confDir;
    private final ScriptedDispatcher dispatcher = new ScriptedDispatcher();

    private void addJobs() {
        dispatcher.jobs.put(ID2, JobStatusProto.newBuilder().setJobId(ID2).setJobName("Second").setState("RUNNING")
                .setStartTimeMillis(2_000_000).addVertices(VertexStatus.newBuilder().setName("Source: nums -> Map")
                        .setParallelism(3).putTasksPerState("RUNNING", 2).putTasksPerState("DEPLOYING", 1))
                .build());
        dispatcher.jobs.put(ID1, JobStatusProto.newBuilder().setJobId(ID1).setJobName("First").setState("FAILED")
                .setStartTimeMillis(1_000_000).setEndTimeMillis(1_000_500)
                .setFailure("java.lang.IllegalStateException: boom\n\tat Job.map(Job.java:1)").build());
    }

    @Test
    void listShowsEveryJobOldestFirst() {
        addJobs();
        CliRun run = CliRun.of(dispatcher, null, "list");
        assertThat(run.exitCode()).isZero();
        String[] lines = run.out().split("\\R");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains(ID1).contains("First").endsWith("(FAILED)");
        assertThat(lines[1]).contains(ID2).contains("Second").endsWith("(RUNNING)");
        assertThat(CliRun.of(dispatcher, null, "list", "-r").out()).doesNotContain(ID1).contains(ID2);
    }

    @Test
    void listWithoutJobs() {
        assertThat(CliRun.of(dispatcher, null, "list", "-a").out().trim()).isEqualTo("No jobs.");
    }

    @Test
    void addressComesFromConfigFileThenDashDThenDashM() throws Exception {
        Files.writeString(confDir.resolve("config.yaml"), "jobmanager:\n  rpc:\n    address: jm-host\n    port: 7000\n");
        CliRun.of(dispatcher, confDir, "list");
        CliRun.of(dispatcher, confDir, "list", "-D", "jobmanager.rpc.port=7001");
        CliRun.of(dispatcher, confDir, "list", "-Djobmanager.rpc.port=7001", "-m", "other:8000");
        CliRun.of(dispatcher, null, "list");
        assertThat(dispatcher.connectedTo).containsExactly("jm-host:7000", "jm-host:7001", "other:8000", "localhost:6123");
    }

    @Test
    void statusShowsTaskCountsAndFailure() {
        addJobs();
        CliRun running = CliRun.of(dispatcher, null, "status", ID2);
        assertThat(running.exitCode()).isZero();
        assertThat(running.out()).contains("Job " + ID2 + " (Second): RUNNING")
                .contains("Source: nums -> Map (parallelism 3): DEPLOYING=1, RUNNING=2");
        CliRun failed = CliRun.of(dispatcher, null, "status", ID1);
        assertThat(failed.out()).contains("FAILED").contains("(500 ms)").contains("IllegalStateException: boom")
                .contains("at Job.map");
    }

    @Test
    void statusOfUnknownOrMalformedId() {
        CliRun unknown = CliRun.of(dispatcher, null, "status", ID1);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("There is no job with id " + ID1);
        CliRun malformed = CliRun.of(dispatcher, null, "status", "abc");
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.err()).contains("Not a job id").contains("'abc'");
    }

    @Test
    void savepointPrintsThePathAndKeepsTheJob() {
        addJobs();
        CliRun run = CliRun.of(dispatcher, null, "savepoint", ID2, "/tmp/sps");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Savepoint completed. Path: /tmp/sps/savepoint-fedcba-abc");
        CliRun noDir = CliRun.of(dispatcher, null, "savepoint", ID2);
        assertThat(noDir.out()).contains("Path: /default-sp/savepoint-fedcba-abc");
        assertThat(dispatcher.savepoints).containsExactly(ID2 + " '/tmp/sps' keep", ID2 + " '' keep");
    }

    @Test
    void stopWithSavepointPathStopsTheJob() {
        addJobs();
        CliRun run = CliRun.of(dispatcher, null, "stop", "--savepointPath", "/tmp/sps", ID2);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Suspending job " + ID2).contains("Path: /tmp/sps/savepoint-fedcba-abc");
        assertThat(dispatcher.savepoints).containsExactly(ID2 + " '/tmp/sps' stop");
    }

    @Test
    void savepointOfUnknownJobIsAnError() {
        CliRun run = CliRun.of(dispatcher, null, "savepoint", ID1, "/tmp/sps");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("There is no job with id " + ID1);
    }

    @Test
    void cancelPrintsFlinksLine() {
        addJobs();
        CliRun run = CliRun.of(dispatcher, null, "cancel", ID2);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().trim()).isEqualTo("Cancelled job " + ID2 + ".");
        assertThat(dispatcher.cancelled).containsExactly(ID2);
    }

    @Test
    void unreachableJobManager() {
        dispatcher.failure = Status.UNAVAILABLE.withDescription("io exception").withCause(new java.net.ConnectException("Connection refused"))
                .asRuntimeException();
        for (String[] args : new String[][] {{"list"}, {"status", ID1}, {"cancel", ID1}}) {
            CliRun run = CliRun.of(dispatcher, null, args);
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).startsWith("Could not connect to the JobManager at localhost:6123: ").contains("Connection refused");
        }
    }
}
