package dev.eddy.runtime.jobmanager;

import dev.eddy.proto.CheckpointNotificationRequest;
import dev.eddy.proto.TriggerCheckpointRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.JobManagerOptions;
import dev.eddy.proto.Ack;
import dev.eddy.proto.PartitionType;
import dev.eddy.proto.RegisterTaskManagerRequest;
import dev.eddy.proto.SubmitTaskResponse;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.runtime.gateway.TaskExecutorGateway;
import dev.eddy.runtime.jobmanager.testing.FakeTaskExecutor;
import dev.eddy.runtime.jobmanager.testing.Jobs;
import dev.eddy.runtime.rpc.GrpcChannels;
import dev.eddy.runtime.rpc.GrpcDispatcherGateway;
import dev.eddy.runtime.rpc.GrpcJobMasterGateway;
import dev.eddy.runtime.rpc.GrpcResourceManagerGateway;
import dev.eddy.runtime.rpc.GrpcServer;
import dev.eddy.runtime.rpc.TaskExecutorGrpcService;
import io.grpc.ManagedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole JobManager over real gRPC on loopback, with one fake TaskManager behind its own gRPC server. */
class JobManagerRunnerTest {
    @TempDir
    Path blobs;

    @Test
    void runsAJobOverRpc() throws Exception {
        Configuration conf = new Configuration();
        conf.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
        conf.set(JobManagerOptions.PORT, 0);
        conf.set(JobManagerOptions.BLOB_DIR, blobs.toString());
        conf.set(JobManagerOptions.SLOT_REQUEST_TIMEOUT, Duration.ofSeconds(5));

        try (JobManagerRunner jm = JobManagerRunner.start(conf)) {
            assertThat(jm.getRpcPort()).isPositive();
            ManagedChannel channel = GrpcChannels.create("127.0.0.1:" + jm.getRpcPort());
            FakeTaskExecutor[] tm = new FakeTaskExecutor[1];
            TaskExecutorGateway forwarding = new TaskExecutorGateway() {
                @Override
                public CompletableFuture<SubmitTaskResponse> submitTask(TaskDeploymentDescriptor tdd) {
                    return tm[0].submitTask(tdd);
                }

                @Override
                public CompletableFuture<Ack> cancelTask(String executionAttemptId) {
                    return tm[0].cancelTask(executionAttemptId);
                }

                @Override
                public CompletableFuture<Ack> triggerCheckpoint(TriggerCheckpointRequest request) {
                    return tm[0].triggerCheckpoint(request);
                }

                @Override
                public CompletableFuture<Ack> notifyCheckpoint(CheckpointNotificationRequest request) {
                    return tm[0].notifyCheckpoint(request);
                }

                @Override
                public CompletableFuture<Ack> freeSlot(String allocationId, String jobId) {
                    return tm[0].freeSlot(allocationId, jobId);
                }
            };
            try (GrpcServer tmServer = GrpcServer.start("127.0.0.1", 0, new TaskExecutorGrpcService(forwarding))) {
                tm[0] = new FakeTaskExecutor("tm-rpc", "127.0.0.1:" + tmServer.getPort(), "127.0.0.1:1", new GrpcJobMasterGateway(channel));
                var rm = new GrpcResourceManagerGateway(channel);
                assertThat(rm.registerTaskManager(RegisterTaskManagerRequest.newBuilder().setTaskManagerId("tm-rpc")
                        .setRpcAddress(tm[0].rpcAddress).setDataAddress(tm[0].dataAddress).setNumberOfSlots(2).build()).join().getAccepted()).isTrue();

                var dispatcher = new GrpcDispatcherGateway(channel);
                assertThat(dispatcher.getClusterOverview().join().getSlotsTotal()).isEqualTo(2);
                assertThatThrownBy(() -> dispatcher.getJobStatus("cafe").get()).isInstanceOf(ExecutionException.class)
                        .hasMessageContaining("No job with id cafe");

                Path jar = Files.writeString(blobs.resolve("job.jar"), "not really a jar");
                String sha = dispatcher.uploadJar(jar).join();
                String jobId = dispatcher.submitJob(Jobs.twoVertices(2, PartitionType.HASH, 2).toBuilder().setJarSha256(sha).build()).join();

                await().atMost(Duration.ofSeconds(10)).until(() -> tm[0].deployed.size() == 4);
                assertThat(tm[0].deployed).allSatisfy(t -> assertThat(t.getJarSha256()).isEqualTo(sha));
                tm[0].reportAll("RUNNING");
                tm[0].reportAll("FINISHED");
                await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.getJobStatus(jobId).join().getState().equals("FINISHED"));
                await().atMost(Duration.ofSeconds(10)).until(() -> tm[0].freedAllocations.size() == 2);
                assertThat(dispatcher.listJobs().join()).hasSize(1);
            } finally {
                channel.shutdownNow();
            }
        }
    }
}
