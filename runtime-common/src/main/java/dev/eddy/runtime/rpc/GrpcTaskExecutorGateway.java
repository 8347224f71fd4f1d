package dev.eddy.runtime.rpc;

import dev.eddy.proto.CheckpointNotificationRequest;
import dev.eddy.proto.TriggerCheckpointRequest;
import dev.eddy.proto.Ack;
import dev.eddy.proto.OperatorEventToTaskRequest;
import dev.eddy.proto.CancelTaskRequest;
import dev.eddy.proto.FreeSlotRequest;
import dev.eddy.proto.SubmitTaskResponse;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.proto.TaskExecutorServiceGrpc;
import dev.eddy.runtime.gateway.TaskExecutorGateway;
import io.grpc.Channel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Client-side {@link TaskExecutorGateway} over gRPC (JobManager → one TaskManager). Thread-safe. */
public final class GrpcTaskExecutorGateway implements TaskExecutorGateway {
    private final TaskExecutorServiceGrpc.TaskExecutorServiceStub stub;
    private final String address;
    private final Duration timeout;

    public GrpcTaskExecutorGateway(Channel channel) {
        this(channel, RpcTimeouts.DEFAULT_CALL_TIMEOUT);
    }

    public GrpcTaskExecutorGateway(Channel channel, Duration timeout) {
        this.stub = TaskExecutorServiceGrpc.newStub(channel);
        this.address = channel.authority();
        this.timeout = timeout;
    }

    private TaskExecutorServiceGrpc.TaskExecutorServiceStub deadline() {
        return stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<SubmitTaskResponse> submitTask(TaskDeploymentDescriptor tdd) {
        return ClientCalls.unary(address, o -> deadline().submitTask(tdd, o));
    }

    @Override
    public CompletableFuture<Ack> cancelTask(String executionAttemptId) {
        CancelTaskRequest request = CancelTaskRequest.newBuilder().setExecutionAttemptId(executionAttemptId).build();
        return ClientCalls.unary(address, o -> deadline().cancelTask(request, o));
    }

    @Override
    public CompletableFuture<Ack> triggerCheckpoint(TriggerCheckpointRequest request) {
        return ClientCalls.unary(address, o -> deadline().triggerCheckpoint(request, o));
    }

    @Override
    public CompletableFuture<Ack> notifyCheckpoint(CheckpointNotificationRequest request) {
        return ClientCalls.unary(address, o -> deadline().notifyCheckpoint(request, o));
    }

    @Override
    public CompletableFuture<dev.eddy.proto.TaskWatermarksResponse> requestTaskWatermarks(
            dev.eddy.proto.TaskWatermarksRequest request) {
        return ClientCalls.unary(address, o -> deadline().requestTaskWatermarks(request, o));
    }

    @Override
    public CompletableFuture<Ack> freeSlot(String allocationId, String jobId) {
        FreeSlotRequest request = FreeSlotRequest.newBuilder().setAllocationId(allocationId).setJobId(jobId).build();
        return ClientCalls.unary(address, o -> deadline().freeSlot(request, o));
    }

    @Override
    public CompletableFuture<Ack> sendOperatorEventToTask(OperatorEventToTaskRequest request) {
        return ClientCalls.unary(address, o -> deadline().sendOperatorEventToTask(request, o));
    }
}
