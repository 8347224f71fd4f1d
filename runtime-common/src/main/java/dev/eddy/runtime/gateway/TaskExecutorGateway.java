package dev.eddy.runtime.gateway;

import dev.eddy.proto.Ack;
import dev.eddy.proto.SubmitTaskResponse;
import dev.eddy.proto.TaskDeploymentDescriptor;
import java.util.concurrent.CompletableFuture;

/** JobManager → one TaskManager. Thread-safe, non-blocking. */
public interface TaskExecutorGateway {
    /** Starts a task in the slot named by the descriptor's allocation id. */
    CompletableFuture<SubmitTaskResponse> submitTask(TaskDeploymentDescriptor tdd);

    CompletableFuture<Ack> cancelTask(String executionAttemptId);

    /** The job no longer uses this slot; the TM cancels anything still running in it and frees it. */
    CompletableFuture<Ack> freeSlot(String allocationId, String jobId);
}
