package dev.eddy.runtime.rpc;

import dev.eddy.proto.Ack;
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
}
