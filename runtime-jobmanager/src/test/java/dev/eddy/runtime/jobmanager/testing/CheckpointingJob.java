package dev.eddy.runtime.jobmanager.testing;

import static org.awaitility.Awaitility.await;

import dev.eddy.proto.Ack;
import dev.eddy.proto.AcknowledgeCheckpointRequest;
import dev.eddy.proto.DeclineCheckpointRequest;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobStatusProto;
import dev.eddy.proto.PartitionType;
import dev.eddy.proto.RegisterTaskManagerRequest;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.proto.TaskExecutionStateProto;
import dev.eddy.proto.TaskStateSnapshotProto;
import dev.eddy.runtime.gateway.JobMasterGateway;
import dev.eddy.runtime.jobmanager.jobmaster.JobMaster;
import dev.eddy.runtime.jobmanager.resourcemanager.ResourceManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One JobMaster (no Dispatcher) with a ResourceManager and one fake TaskManager, running
 * "source" (uid src) -hash-> "map" (uid map); tests drive checkpoints through it.
 */
public final class CheckpointingJob implements AutoCloseable {
    public final ResourceManager resourceManager = new ResourceManager(Duration.ofSeconds(10), Duration.ofSeconds(60)).start();
    public final FakeTaskExecutor tm;
    public final JobMaster jobMaster;
    public final JobGraphProto jobGraph;

    public CheckpointingJob(JobGraphProto jobGraph) {
        this(jobGraph, Map.of());
    }

    /** With the JobManager's configuration {@code clusterConfig}. */
    public CheckpointingJob(JobGraphProto jobGraph, Map<String, String> clusterConfig) {
        this.jobGraph = jobGraph;
        AtomicReference<JobMaster> ref = new AtomicReference<>();
        JobMasterGateway gateway = new JobMasterGateway() {
            @Override
            public CompletableFuture<Ack> updateTaskExecutionState(TaskExecutionStateProto state) {
                return ref.get().updateTaskExecutionState(state);
            }

            @Override
            public CompletableFuture<Ack> acknowledgeCheckpoint(AcknowledgeCheckpointRequest request) {
                return ref.get().acknowledgeCheckpoint(request);
            }

            @Override
            public CompletableFuture<Ack> declineCheckpoint(DeclineCheckpointRequest request) {
                return ref.get().declineCheckpoint(request);
            }
        };
        tm = new FakeTaskExecutor("tm-0", 45000, gateway);
        resourceManager.registerTaskManager(RegisterTaskManagerRequest.newBuilder().setTaskManagerId(tm.id).setRpcAddress(tm.rpcAddress)
                .setDataAddress(tm.dataAddress).setNumberOfSlots(8).build()).join();
        jobMaster = new JobMaster(jobGraph, resourceManager, address -> tm, new JobMaster.Settings(Duration.ofSeconds(5), Duration.ofSeconds(5), clusterConfig));
        ref.set(jobMaster);
    }

    /** source(p1) -hash-> map(p2), operator uids "src" and "map", with this job configuration. */
    public static JobGraphProto job(int p1, int p2, Map<String, String> config) {
        return Jobs.job("checkpointed")
                .addVertices(Jobs.vertex("source", p1).toBuilder().addOperatorUids("src"))
                .addVertices(Jobs.vertex("map", p2).toBuilder().addOperatorUids("map"))
                .addEdges(Jobs.edge("source", "map", PartitionType.HASH))
                .putAllJobConfiguration(config).build();
    }

    /** Starts the job and waits until its first attempt is deployed. */
    public List<TaskDeploymentDescriptor> start() {
        jobMaster.start().join();
        return awaitAttempt(0);
    }

    /** Waits until every task of attempt number {@code attempt} is deployed; returns them. */
    public List<TaskDeploymentDescriptor> awaitAttempt(int attempt) {
        int tasks = jobGraph.getVerticesList().stream().mapToInt(v -> v.getParallelism()).sum();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> attempt(attempt).size() == tasks);
        return attempt(attempt);
    }

    public List<TaskDeploymentDescriptor> attempt(int attempt) {
        return tm.deployed.stream().filter(t -> t.getAttemptNumber() == attempt).toList();
    }

    /** Reports RUNNING for every task of this attempt. */
    public void running(List<TaskDeploymentDescriptor> tasks) {
        tasks.forEach(t -> tm.report(t.getExecutionAttemptId(), "RUNNING", ""));
    }

    public Ack ack(TaskDeploymentDescriptor task, long checkpointId, TaskStateSnapshotProto state, long bytes, long alignment) {
        return jobMaster.acknowledgeCheckpoint(AcknowledgeCheckpointRequest.newBuilder().setJobId(task.getJobId())
                .setExecutionAttemptId(task.getExecutionAttemptId()).setCheckpointId(checkpointId).setState(state)
                .setBytesWritten(bytes).setAlignmentDurationMillis(alignment).build()).join();
    }

    /** Every task acknowledges with {@code state.apply(task)}, 10 bytes each, alignment = subtask index. */
    public void ackAll(List<TaskDeploymentDescriptor> tasks, long checkpointId, Function<TaskDeploymentDescriptor, TaskStateSnapshotProto> state) {
        for (TaskDeploymentDescriptor t : tasks) {
            ack(t, checkpointId, state.apply(t), 10, t.getSubtaskIndex());
        }
    }

    public Ack decline(TaskDeploymentDescriptor task, long checkpointId, String reason) {
        return jobMaster.declineCheckpoint(DeclineCheckpointRequest.newBuilder().setJobId(task.getJobId())
                .setExecutionAttemptId(task.getExecutionAttemptId()).setCheckpointId(checkpointId).setReason(reason).build()).join();
    }

    public JobStatusProto status() {
        return jobMaster.requestStatus().join();
    }

    public JobStatusProto awaitState(String state) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> status().getState().equals(state));
        return status();
    }

    @Override
    public void close() {
        jobMaster.close();
        resourceManager.close();
    }
}
