package dev.eddy.runtime.rpc;

import dev.eddy.proto.AcknowledgeCheckpointRequest;
import dev.eddy.proto.DeclineCheckpointRequest;
import dev.eddy.proto.Ack;
import dev.eddy.proto.OperatorEventToCoordinatorRequest;
import dev.eddy.proto.JobMasterServiceGrpc;
import dev.eddy.proto.TaskExecutionStateProto;
import dev.eddy.runtime.gateway.JobMasterGateway;
import io.grpc.stub.StreamObserver;

/** gRPC front of the JobMasters (the gateway routes by job id): delegates, never blocks. */
public final class JobMasterGrpcService extends JobMasterServiceGrpc.JobMasterServiceImplBase {
    private final JobMasterGateway gateway;

    public JobMasterGrpcService(JobMasterGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void updateTaskExecutionState(TaskExecutionStateProto request, StreamObserver<Ack> observer) {
        ServerCalls.reply(() -> gateway.updateTaskExecutionState(request), observer);
    }

    @Override
    public void acknowledgeCheckpoint(AcknowledgeCheckpointRequest request, StreamObserver<Ack> observer) {
        ServerCalls.reply(() -> gateway.acknowledgeCheckpoint(request), observer);
    }

    @Override
    public void declineCheckpoint(DeclineCheckpointRequest request, StreamObserver<Ack> observer) {
        ServerCalls.reply(() -> gateway.declineCheckpoint(request), observer);
    }

    @Override
    public void sendOperatorEventToCoordinator(OperatorEventToCoordinatorRequest request, StreamObserver<Ack> observer) {
        ServerCalls.reply(() -> gateway.sendOperatorEventToCoordinator(request), observer);
    }
}
