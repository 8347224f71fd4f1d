package dev.eddy.runtime.gateway;

import dev.eddy.proto.CheckpointNotificationRequest;
import dev.eddy.proto.TriggerCheckpointRequest;
import dev.eddy.proto.Ack;
import dev.eddy.proto.OperatorEventToTaskRequest;
import dev.eddy.proto.SubmitTaskResponse;
import dev.eddy.proto.TaskDeploymentDescriptor;
import java.util.concurrent.CompletableFuture;

/** JobManager → one TaskManager. Thread-safe, non-blocking. */
public interface TaskExecutorGateway {
    /** Starts a task in the slot named by the descriptor's allocation id. */
    CompletableFuture<SubmitTaskResponse> submitTask(TaskDeploymentDescriptor tdd);

    CompletableFuture<Ack> cancelTask(String executionAttemptId);

    /** Source tasks: start checkpoint {@code request.checkpoint_id} (inject a barrier). Not ok if the task is not running. */
    CompletableFuture<Ack> triggerCheckpoint(TriggerCheckpointRequest request);

    /** Tells a task that a checkpoint completed or was aborted (ok even if the task is gone). */
    CompletableFuture<Ack> notifyCheckpoint(CheckpointNotificationRequest request);

    /**
     * The current event-time progress (watermarks per input and channel/split) of the named tasks,
     * read from what their task threads last published. Unknown ids come back with
     * {@code found = false}. The default fails (gateways that predate it).
     */
    default CompletableFuture<dev.eddy.proto.TaskWatermarksResponse> requestTaskWatermarks(
            dev.eddy.proto.TaskWatermarksRequest request) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "This TaskExecutor does not report watermarks (" + getClass().getSimpleName() + ")"));
    }

    /** The job no longer uses this slot; the TM cancels anything still running in it and frees it. */
    CompletableFuture<Ack> freeSlot(String allocationId, String jobId);

    /**
     * A coordinator's event for one operator of a running task; ok once it is queued as mail of
     * the task (so it is handled before anything queued later, e.g. a checkpoint trigger). Not ok
     * if the attempt does not run here.
     */
    default CompletableFuture<Ack> sendOperatorEventToTask(OperatorEventToTaskRequest request) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                getClass().getName() + " does not deliver operator events to tasks"));
    }
}
