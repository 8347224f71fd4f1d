package dev.eddy.runtime.gateway;

import dev.eddy.proto.HeartbeatRequest;
import dev.eddy.proto.HeartbeatResponse;
import dev.eddy.proto.RegisterTaskManagerRequest;
import dev.eddy.proto.RegisterTaskManagerResponse;
import java.util.concurrent.CompletableFuture;

/** TaskManager → JobManager's ResourceManager. Thread-safe, non-blocking. */
public interface ResourceManagerGateway {
    CompletableFuture<RegisterTaskManagerResponse> registerTaskManager(RegisterTaskManagerRequest request);

    CompletableFuture<HeartbeatResponse> heartbeat(HeartbeatRequest request);
}
