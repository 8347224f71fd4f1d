package dev.eddy.runtime.rpc;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Client channels to control-plane peers: plaintext, keepalive, bounded inbound messages. A channel
 * connects lazily and reconnects by itself, so one per address is enough; {@link #shared} keeps a
 * small process-wide cache. Thread-safe.
 */
public final class GrpcChannels {
    private static final Map<String, ManagedChannel> SHARED = new ConcurrentHashMap<>();

    private GrpcChannels() {}

    /** A new channel to {@code host:port}; the caller shuts it down. */
    public static ManagedChannel create(String hostPort) {
        if (hostPort == null || hostPort.isBlank()) {
            throw new IllegalArgumentException("An RPC address (host:port) is required, got '" + hostPort + "'");
        }
        return NettyChannelBuilder.forTarget(hostPort)
                .usePlaintext()
                .keepAliveTime(30, TimeUnit.SECONDS)
                .keepAliveTimeout(10, TimeUnit.SECONDS)
                .maxInboundMessageSize(GrpcServer.MAX_MESSAGE_BYTES)
                .maxInboundMetadataSize(64 * 1024)
                .build();
    }

    /** The cached channel to {@code host:port}, created on first use; never shut it down directly. */
    public static ManagedChannel shared(String hostPort) {
        return SHARED.compute(hostPort, (k, existing) ->
                existing == null || existing.isShutdown() ? create(k) : existing);
    }

    /** Shuts down and forgets the cached channel to {@code host:port}, if any. */
    public static void release(String hostPort) {
        ManagedChannel c = SHARED.remove(hostPort);
        if (c != null) {
            c.shutdown();
        }
    }

    /** Shuts down every cached channel (process shutdown, tests). */
    public static void releaseAll() {
        SHARED.keySet().forEach(GrpcChannels::release);
    }
}
