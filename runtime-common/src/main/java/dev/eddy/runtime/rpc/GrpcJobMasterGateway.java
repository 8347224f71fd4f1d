package dev.eddy.runtime.rpc;

import dev.eddy.proto.AcknowledgeCheckpointRequest;
import dev.eddy.proto.DeclineCheckpointRequest;
import dev.eddy.proto.Ack;
import dev.eddy.proto.OperatorEventToCoordinatorRequest;
import dev.eddy.proto.JobMasterServiceGrpc;
import dev.eddy.proto.TaskExecutionStateProto;
import dev.eddy.runtime.gateway.JobMasterGateway;
import io.grpc.Channel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Client-side {@link JobMasterGateway} over gRPC. Thread-safe; errors are {@link RpcException}s. */
public final class GrpcJobMasterGateway implements JobMasterGateway {
    private final JobMasterServiceGrpc.JobMasterServiceStub stub;
    private final String address;
    private final Duration timeout;

    public GrpcJobMasterGateway(Channel channel) {
        this(channel, RpcTimeouts.DEFAULT_CALL_TIMEOUT);
    }

    public GrpcJobMasterGateway(Channel channel, Duration timeout) {
        this.stub = JobMasterServiceGrpc.newStub(channel);
        this.address = channel.authority();
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<Ack> updateTaskExecutionState(TaskExecutionStateProto state) {
        return ClientCalls.unary(address,
                o -> stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS).updateTaskExecutionState(state, o));
    }

    @Override
    public CompletableFuture<Ack> acknowledgeCheckpoint(AcknowledgeCheckpointRequest request) {
        return ClientCalls.unary(address,
                o -> stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS).acknowledgeCheckpoint(request, o));
    }

    @Override
    public CompletableFuture<Ack> declineCheckpoint(DeclineCheckpointRequest request) {
        return ClientCalls.unary(address,
                o -> stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS).declineCheckpoint(request, o));
    }

    @Override
    public CompletableFuture<Ack> sendOperatorEventToCoordinator(OperatorEventToCoordinatorRequest request) {
        return ClientCalls.unary(address,
                o -> stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS).sendOperatorEventToCoordinator(request, o));
    }
}
