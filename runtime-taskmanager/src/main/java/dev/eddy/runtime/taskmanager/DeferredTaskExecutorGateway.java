package dev.eddy.runtime.taskmanager;

import dev.eddy.proto.CheckpointNotificationRequest;
import dev.eddy.proto.TriggerCheckpointRequest;
import dev.eddy.proto.Ack;
import dev.eddy.proto.SubmitTaskResponse;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.runtime.gateway.TaskExecutorGateway;
import java.util.concurrent.CompletableFuture;

/**
 * Lets the RPC server start (and tell its port, which is part of the TaskManager id) before the
 * TaskExecutor exists. Calls before {@link #setDelegate} fail with a retryable message; nobody
 * knows the address before registration anyway. Thread-safe.
 */
final class DeferredTaskExecutorGateway implements TaskExecutorGateway {
    private volatile TaskExecutorGateway delegate;

    void setDelegate(TaskExecutorGateway delegate) {
        this.delegate = delegate;
    }

    private TaskExecutorGateway get() {
        TaskExecutorGateway d = delegate;
        if (d == null) {
            throw new IllegalStateException("The TaskManager is still starting; retry shortly");
        }
        return d;
    }

    @Override
    public CompletableFuture<SubmitTaskResponse> submitTask(TaskDeploymentDescriptor tdd) {
        try {
            return get().submitTask(tdd);
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Ack> cancelTask(String executionAttemptId) {
        try {
            return get().cancelTask(executionAttemptId);
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Ack> triggerCheckpoint(TriggerCheckpointRequest request) {
        try {
            return get().triggerCheckpoint(request);
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Ack> notifyCheckpoint(CheckpointNotificationRequest request) {
        try {
            return get().notifyCheckpoint(request);
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<dev.eddy.proto.TaskWatermarksResponse> requestTaskWatermarks(
            dev.eddy.proto.TaskWatermarksRequest request) {
        try {
            return get().requestTaskWatermarks(request);
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Ack> freeSlot(String allocationId, String jobId) {
        try {
            return get().freeSlot(allocationId, jobId);
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Ack> sendOperatorEventToTask(dev.eddy.proto.OperatorEventToTaskRequest request) {
        try {
            return get().sendOperatorEventToTask(request);
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
