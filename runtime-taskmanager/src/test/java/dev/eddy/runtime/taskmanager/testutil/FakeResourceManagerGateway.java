package dev.eddy.runtime.taskmanager.testutil;

import dev.eddy.proto.HeartbeatRequest;
import dev.eddy.proto.HeartbeatResponse;
import dev.eddy.proto.RegisterTaskManagerRequest;
import dev.eddy.proto.RegisterTaskManagerResponse;
import dev.eddy.runtime.gateway.ResourceManagerGateway;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A scriptable ResourceManager: rejects the first registrations, forgets TMs, or goes silent. */
public final class FakeResourceManagerGateway implements ResourceManagerGateway {
    public final List<RegisterTaskManagerRequest> registrations = new CopyOnWriteArrayList<>();
    public final List<HeartbeatRequest> heartbeats = new CopyOnWriteArrayList<>();
    public final AtomicInteger rejectNextRegistrations = new AtomicInteger();
    public volatile boolean known = true;
    public volatile boolean unreachable;

    @Override
    public CompletableFuture<RegisterTaskManagerResponse> registerTaskManager(RegisterTaskManagerRequest request) {
        registrations.add(request);
        if (unreachable) {
            return CompletableFuture.failedFuture(new java.io.IOException("UNAVAILABLE: connection refused"));
        }
        if (rejectNextRegistrations.getAndDecrement() > 0) {
            return CompletableFuture.completedFuture(RegisterTaskManagerResponse.newBuilder().setAccepted(false).setReason("not now").build());
        }
        known = true;
        return CompletableFuture.completedFuture(RegisterTaskManagerResponse.newBuilder().setAccepted(true).build());
    }

    @Override
    public CompletableFuture<HeartbeatResponse> heartbeat(HeartbeatRequest request) {
        heartbeats.add(request);
        if (unreachable) {
            return CompletableFuture.failedFuture(new java.io.IOException("UNAVAILABLE: connection refused"));
        }
        return CompletableFuture.completedFuture(HeartbeatResponse.newBuilder().setKnown(known).build());
    }
}
