package dev.eddy.runtime.jobmanager.testing;

import dev.eddy.proto.CheckpointNotificationRequest;
import dev.eddy.proto.TriggerCheckpointRequest;
import dev.eddy.proto.Ack;
import dev.eddy.proto.SubmitTaskResponse;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.proto.TaskExecutionStateProto;
import dev.eddy.runtime.gateway.JobMasterGateway;
import dev.eddy.runtime.gateway.TaskExecutorGateway;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TaskManager stand-in: records deployed descriptors, cancel and free-slot calls, and lets a
 * test report task states to the JobMaster. Cancelled tasks report CANCELED by themselves unless
 * {@link #ignoreCancels} is set.
 */
public final class FakeTaskExecutor implements TaskExecutorGateway {
    public final String id;
    public final String rpcAddress;
    public final String dataAddress;
    public final List<TaskDeploymentDescriptor> deployed = new CopyOnWriteArrayList<>();
    public final List<String> cancelled = new CopyOnWriteArrayList<>();
    public final List<String> freedAllocations = new CopyOnWriteArrayList<>();
    private final Map<String, TaskDeploymentDescriptor> byAttempt = new ConcurrentHashMap<>();
    private final JobMasterGateway jobMaster;
    public volatile boolean ignoreCancels;
    public volatile String rejectReason;

    public FakeTaskExecutor(String id, int port, JobMasterGateway jobMaster) {
        this.id = id;
        this.rpcAddress = "127.0.0.1:" + port;
        this.dataAddress = "127.0.0.1:" + (port + 1000);
        this.jobMaster = jobMaster;
    }

    /** Reports to the JobManager over RPC instead of a gateway object. */
    public FakeTaskExecutor(String id, String rpcAddress, String dataAddress, JobMasterGateway jobMaster) {
        this.id = id;
        this.rpcAddress = rpcAddress;
        this.dataAddress = dataAddress;
        this.jobMaster = jobMaster;
    }

    @Override
    public CompletableFuture<SubmitTaskResponse> submitTask(TaskDeploymentDescriptor tdd) {
        if (rejectReason != null) {
            return CompletableFuture.completedFuture(SubmitTaskResponse.newBuilder().setAccepted(false).setReason(rejectReason).build());
        }
        deployed.add(tdd);
        byAttempt.put(tdd.getExecutionAttemptId(), tdd);
        return CompletableFuture.completedFuture(SubmitTaskResponse.newBuilder().setAccepted(true).build());
    }

    @Override
    public CompletableFuture<Ack> cancelTask(String executionAttemptId) {
        cancelled.add(executionAttemptId);
        if (!ignoreCancels) {
            reportAsync(executionAttemptId, "CANCELED", ""); // called on the JobMaster's thread: never wait here
        }
        return CompletableFuture.completedFuture(Ack.newBuilder().setOk(true).build());
    }

    /** Checkpoint triggers and notifications received, in order. */
    public final List<Object> checkpointMessages = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Set: checkpoint triggers are answered not ok with this message. */
    public volatile String rejectCheckpointReason;

    @Override
    public CompletableFuture<Ack> triggerCheckpoint(TriggerCheckpointRequest request) {
        checkpointMessages.add(request);
        String reject = rejectCheckpointReason;
        return CompletableFuture.completedFuture(reject == null ? Ack.newBuilder().setOk(true).build()
                : Ack.newBuilder().setOk(false).setMessage(reject).build());
    }

    /** Checkpoint triggers received, in order. */
    public List<TriggerCheckpointRequest> triggers() {
        return checkpointMessages.stream().filter(TriggerCheckpointRequest.class::isInstance).map(TriggerCheckpointRequest.class::cast).toList();
    }

    /** Checkpoint notifications received, in order. */
    public List<CheckpointNotificationRequest> notifications() {
        return checkpointMessages.stream().filter(CheckpointNotificationRequest.class::isInstance)
                .map(CheckpointNotificationRequest.class::cast).toList();
    }

    /** Set: checkpoint notifications are answered with this future (a test completes it later). */
    public volatile CompletableFuture<Ack> notifyReply;

    @Override
    public CompletableFuture<Ack> notifyCheckpoint(CheckpointNotificationRequest request) {
        checkpointMessages.add(request);
        CompletableFuture<Ack> reply = notifyReply;
        return reply != null ? reply : CompletableFuture.completedFuture(Ack.newBuilder().setOk(true).build());
    }

    /** Operator events from coordinators, in arrival order. */
    public final List<dev.eddy.proto.OperatorEventToTaskRequest> operatorEvents = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Ack> sendOperatorEventToTask(dev.eddy.proto.OperatorEventToTaskRequest request) {
        boolean known = byAttempt.containsKey(request.getExecutionAttemptId());
        if (known) {
            operatorEvents.add(request);
        }
        return CompletableFuture.completedFuture(Ack.newBuilder().setOk(known).build());
    }

    @Override
    public CompletableFuture<Ack> freeSlot(String allocationId, String jobId) {
        freedAllocations.add(allocationId);
        return CompletableFuture.completedFuture(Ack.newBuilder().setOk(true).build());
    }

    /** Reports a state of a task deployed here; returns the JobMaster's ack. */
    public Ack report(String attemptId, String state, String failure) {
        return reportAsync(attemptId, state, failure).join();
    }

    private CompletableFuture<Ack> reportAsync(String attemptId, String state, String failure) {
        TaskDeploymentDescriptor tdd = byAttempt.get(attemptId);
        String jobId = tdd == null ? "" : tdd.getJobId();
        return jobMaster.updateTaskExecutionState(TaskExecutionStateProto.newBuilder()
                .setJobId(jobId).setExecutionAttemptId(attemptId).setState(state).setFailure(failure).build());
    }

    /** Reports the same state for every task deployed here. */
    public void reportAll(String state) {
        for (TaskDeploymentDescriptor tdd : deployed) {
            report(tdd.getExecutionAttemptId(), state, "");
        }
    }
}
