package dev.eddy.runtime.rpc;

import dev.eddy.proto.HeartbeatRequest;
import dev.eddy.proto.HeartbeatResponse;
import dev.eddy.proto.RegisterTaskManagerRequest;
import dev.eddy.proto.RegisterTaskManagerResponse;
import dev.eddy.proto.ResourceManagerServiceGrpc;
import dev.eddy.runtime.gateway.ResourceManagerGateway;
import io.grpc.stub.StreamObserver;

/** gRPC front of the ResourceManager: delegates to the gateway, never blocks. */
public final class ResourceManagerGrpcService extends ResourceManagerServiceGrpc.ResourceManagerServiceImplBase {
    private final ResourceManagerGateway gateway;

    public ResourceManagerGrpcService(ResourceManagerGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void registerTaskManager(RegisterTaskManagerRequest request, StreamObserver<RegisterTaskManagerResponse> observer) {
        ServerCalls.reply(() -> gateway.registerTaskManager(request), observer);
    }

    @Override
    public void heartbeat(HeartbeatRequest request, StreamObserver<HeartbeatResponse> observer) {
        ServerCalls.reply(() -> gateway.heartbeat(request), observer);
    }
}
