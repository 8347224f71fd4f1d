package dev.eddy.runtime.jobmanager.dispatcher;

import static dev.eddy.runtime.jobmanager.testing.Jobs.edge;
import static dev.eddy.runtime.jobmanager.testing.Jobs.job;
import static dev.eddy.runtime.jobmanager.testing.Jobs.vertex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.proto.ClusterOverview;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobStatusProto;
import dev.eddy.proto.PartitionType;
import dev.eddy.proto.TaskExecutionStateProto;
import dev.eddy.runtime.jobmanager.testing.Jobs;
import dev.eddy.runtime.jobmanager.testing.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DispatcherTest {
    private TestCluster cluster;

    @BeforeEach
    void setUp() throws Exception {
        cluster = new TestCluster(Duration.ofSeconds(5));
        cluster.addTaskManager(2);
        cluster.addTaskManager(2);
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    private void assertRejected(JobGraphProto job, String... fragments) {
        assertThatThrownBy(() -> cluster.dispatcher.submitJob(job).get()).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(IllegalArgumentException.class).message().contains(fragments);
    }

    @Test
    void rejectsBrokenJobGraphs() {
        assertRejected(job("empty").build(), "has no vertices");
        assertRejected(job("dangling").addVertices(vertex("a", 1)).addEdges(edge("a", "nope", PartitionType.HASH)).build(),
                "references a vertex that is not in the job graph");
        assertRejected(Jobs.twoVertices(2, PartitionType.FORWARD, 3), "FORWARD edge needs equal parallelism");
        assertRejected(job("zero").addVertices(vertex("a", 0)).build(), "parallelism 0");
        assertRejected(job("jar").addVertices(vertex("a", 1)).setJarSha256("ab".repeat(32)).build(),
                "not in the JobManager's blob store", "upload the jar");
        assertThat(cluster.dispatcher.listJobs().join()).isEmpty();
    }

    @Test
    void acceptsJobWhoseJarIsStored() throws Exception {
        Path tmp = cluster.blobStore.newTempFile();
        Files.writeString(tmp, "a jar");
        String sha = cluster.blobStore.putJar(tmp);
        JobGraphProto job = job("with jar").addVertices(vertex("a", 1)).setJarSha256(sha).build();
        cluster.dispatcher.submitJob(job).join();
        assertThat(cluster.awaitDeployed(1).get(0).getJarSha256()).isEqualTo(sha);
    }

    @Test
    void rejectsDuplicateJobIds() {
        JobGraphProto job = Jobs.twoVertices(1, PartitionType.FORWARD, 1);
        cluster.dispatcher.submitJob(job).join();
        assertRejected(job, "already submitted");
    }

    @Test
    void assignsAnIdWhenMissing() {
        String id = cluster.dispatcher.submitJob(job("no id").setJobId("").addVertices(vertex("a", 1)).build()).join();
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(cluster.status(id).getJobName()).isEqualTo("no id");
    }

    @Test
    void unknownJobIsAClearError() {
        assertThatThrownBy(() -> cluster.dispatcher.getJobStatus("deadbeef").get()).cause()
                .isInstanceOf(NoSuchElementException.class).hasMessage("No job with id deadbeef");
        assertThatThrownBy(() -> cluster.dispatcher.cancelJob("deadbeef").get()).cause().isInstanceOf(NoSuchElementException.class);
        var ack = cluster.dispatcher.updateTaskExecutionState(
                TaskExecutionStateProto.newBuilder().setJobId("deadbeef").setExecutionAttemptId("x").setState("RUNNING").build()).join();
        assertThat(ack.getOk()).isFalse();
        assertThat(ack.getMessage()).contains("No job with id deadbeef");
    }

    @Test
    void listsAllJobsNewestFirstIncludingFinishedOnes() {
        String first = cluster.dispatcher.submitJob(Jobs.twoVertices(1, PartitionType.FORWARD, 1)).join();
        cluster.awaitDeployed(2);
        cluster.taskManagers.forEach(tm -> tm.reportAll("FINISHED"));
        cluster.awaitState(first, "FINISHED");
        String second = cluster.dispatcher.submitJob(Jobs.twoVertices(2, PartitionType.HASH, 1)).join();
        cluster.awaitDeployed(5);

        List<JobStatusProto> jobs = cluster.dispatcher.listJobs().join();
        assertThat(jobs).extracting(JobStatusProto::getJobId).containsExactly(second, first);
        assertThat(jobs).extracting(JobStatusProto::getState).containsExactly("RUNNING", "FINISHED");
        JobStatusProto running = jobs.get(0);
        assertThat(running.getJobName()).isEqualTo("two");
        assertThat(running.getEndTimeMillis()).isZero();
        assertThat(running.getVerticesList()).extracting(v -> v.getName() + "x" + v.getParallelism()).containsExactly("sourcex2", "sinkx1");
        assertThat(running.getVertices(0).getTasksPerStateMap()).containsEntry("DEPLOYING", 2);

        ClusterOverview overview = cluster.dispatcher.getClusterOverview().join();
        assertThat(overview.getJobsRunning()).isEqualTo(1);
        assertThat(overview.getTaskManagersCount()).isEqualTo(2);
        assertThat(overview.getSlotsTotal()).isEqualTo(4);
        assertThat(overview.getSlotsFree()).isEqualTo(2);
    }

    @Test
    void stateUpdatesAfterTheJobEndedAreNotOk() {
        String jobId = cluster.dispatcher.submitJob(Jobs.twoVertices(1, PartitionType.FORWARD, 1)).join();
        var tdds = cluster.awaitDeployed(2);
        cluster.dispatcher.cancelJob(jobId).join();
        cluster.awaitState(jobId, "CANCELED");
        var ack = cluster.ownerOf(tdds.get(0).getExecutionAttemptId()).report(tdds.get(0).getExecutionAttemptId(), "FAILED", "late");
        assertThat(ack.getOk()).isFalse();
        assertThat(cluster.status(jobId).getState()).isEqualTo("CANCELED");
    }

    @Test
    void uploadJarByPathIsForClientsOnly() {
        assertThatThrownBy(() -> cluster.dispatcher.uploadJar(Path.of("x.jar")).get()).cause()
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
