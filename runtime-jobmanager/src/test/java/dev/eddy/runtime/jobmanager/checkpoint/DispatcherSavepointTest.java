package dev.eddy.runtime.jobmanager.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.eddy.proto.AcknowledgeCheckpointRequest;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.runtime.jobmanager.testing.CheckpointingJob;
import dev.eddy.runtime.jobmanager.testing.FakeTaskExecutor;
import dev.eddy.runtime.jobmanager.testing.TestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stop-with-savepoint through the Dispatcher, with acknowledgements routed by job id. */
class DispatcherSavepointTest {
    @TempDir
    Path root;

    private TestCluster cluster;

    @AfterEach
    void tearDown() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void stopWithSavepointThroughTheDispatcher() throws Exception {
        cluster = new TestCluster(Duration.ofSeconds(5));
        FakeTaskExecutor tm = cluster.addTaskManager(2);
        String jobId = cluster.dispatcher.submitJob(CheckpointingJob.job(1, 1,
                Map.of("execution.checkpointing.dir", root.resolve("chk").toString()))).join();
        List<TaskDeploymentDescriptor> tasks = cluster.awaitDeployed(2);
        tm.reportAll("RUNNING");

        var savepoint = cluster.dispatcher.triggerSavepoint(jobId, root.resolve("sp").toString(), true);
        await().atMost(Duration.ofSeconds(10)).until(() -> tm.triggers().size() == 1);
        long id = tm.triggers().get(0).getCheckpointId();
        for (TaskDeploymentDescriptor t : tasks) {
            assertThat(cluster.dispatcher.acknowledgeCheckpoint(AcknowledgeCheckpointRequest.newBuilder().setJobId(jobId)
                    .setExecutionAttemptId(t.getExecutionAttemptId()).setCheckpointId(id).build()).join().getOk()).isTrue();
        }
        Path path = Path.of(savepoint.join());
        assertThat(path.getParent()).isEqualTo(root.resolve("sp"));
        assertThat(MetadataIO.read(path.toString()).metadata().getSavepoint()).isTrue();
        cluster.awaitState(jobId, "FINISHED");

        assertThatThrownBy(() -> cluster.dispatcher.triggerSavepoint(jobId, "", false).join())
                .hasMessageContaining("is FINISHED; a savepoint needs a running job");
        assertThat(cluster.dispatcher.acknowledgeCheckpoint(AcknowledgeCheckpointRequest.newBuilder().setJobId(jobId)
                .setCheckpointId(id).build()).join().getOk()).isFalse();
    }
}
