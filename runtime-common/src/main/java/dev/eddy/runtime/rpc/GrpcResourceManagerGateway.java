package dev.eddy.runtime.rpc;

import dev.eddy.proto.HeartbeatRequest;
import dev.eddy.proto.HeartbeatResponse;
import dev.eddy.proto.RegisterTaskManagerRequest;
import dev.eddy.proto.RegisterTaskManagerResponse;
import dev.eddy.proto.ResourceManagerServiceGrpc;
import dev.eddy.runtime.gateway.ResourceManagerGateway;
import io.grpc.Channel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Client-side {@link ResourceManagerGateway} over gRPC. Thread-safe; errors are {@link RpcException}s. */
public final class GrpcResourceManagerGateway implements ResourceManagerGateway {
    private final ResourceManagerServiceGrpc.ResourceManagerServiceStub stub;
    private final String address;
    private final Duration timeout;

    public GrpcResourceManagerGateway(Channel channel) {
        this(channel, RpcTimeouts.DEFAULT_CALL_TIMEOUT);
    }

    public GrpcResourceManagerGateway(Channel channel, Duration timeout) {
        this.stub = ResourceManagerServiceGrpc.newStub(channel);
        this.address = channel.authority();
        this.timeout = timeout;
    }

    private ResourceManagerServiceGrpc.ResourceManagerServiceStub deadline() {
        return stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<RegisterTaskManagerResponse> registerTaskManager(RegisterTaskManagerRequest request) {
        return ClientCalls.unary(address, o -> deadline().registerTaskManager(request, o));
    }

    @Override
    public CompletableFuture<HeartbeatResponse> heartbeat(HeartbeatRequest request) {
        return ClientCalls.unary(address, o -> deadline().heartbeat(request, o));
    }
}
