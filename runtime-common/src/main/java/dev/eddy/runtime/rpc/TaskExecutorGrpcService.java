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
import io.grpc.stub.StreamObserver;

/** gRPC front of a TaskExecutor on its TaskManager's RPC port: delegates, never blocks. */
public final class TaskExecutorGrpcService extends TaskExecutorServiceGrpc.TaskExecutorServiceImplBase {
    private final TaskExecutorGateway gateway;

    public TaskExecutorGrpcService(TaskExecutorGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void submitTask(TaskDeploymentDescriptor request, StreamObserver<SubmitTaskResponse> observer) {
        ServerCalls.reply(() -> gateway.submitTask(request), observer);
    }

    @Override
    public void cancelTask(CancelTaskRequest request, StreamObserver<Ack> observer) {
        ServerCalls.reply(() -> gateway.cancelTask(request.getExecutionAttemptId()), observer);
    }

    @Override
    public void triggerCheckpoint(TriggerCheckpointRequest request, StreamObserver<Ack> observer) {
        ServerCalls.reply(() -> gateway.triggerCheckpoint(request), observer);
    }

    @Override
    public void notifyCheckpoint(CheckpointNotificationRequest request, StreamObserver<Ack> observer) {
        ServerCalls.reply(() -> gateway.notifyCheckpoint(request), observer);
    }

    @Override
    public void requestTaskWatermarks(dev.eddy.proto.TaskWatermarksRequest request,
            StreamObserver<dev.eddy.proto.TaskWatermarksResponse> observer) {
        ServerCalls.reply(() -> gateway.requestTaskWatermarks(request), observer);
    }

    @Override
    public void freeSlot(FreeSlotRequest request, StreamObserver<Ack> observer) {
        ServerCalls.reply(() -> gateway.freeSlot(request.getAllocationId(), request.getJobId()), observer);
    }

    @Override
    public void sendOperatorEventToTask(OperatorEventToTaskRequest request, StreamObserver<Ack> observer) {
        ServerCalls.reply(() -> gateway.sendOperatorEventToTask(request), observer);
    }
}
