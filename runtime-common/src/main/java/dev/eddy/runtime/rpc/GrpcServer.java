package dev.eddy.runtime.rpc;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gRPC server for the control plane. Inbound messages are bounded by
 * {@link #MAX_MESSAGE_BYTES}; services registered here must only enqueue work or call gateways that
 * return futures, never block a gRPC thread waiting for one. Thread-safe; {@link #close()} is
 * idempotent.
 */
public final class GrpcServer implements AutoCloseable {
    /** Largest inbound message (16 MiB); jar chunks are 1 MiB. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(GrpcServer.class);

    private final Server server;

    private GrpcServer(Server server) {
        this.server = server;
    }

    /**
     * Binds and starts a server.
     *
     * @param port 0 for an ephemeral port; see {@link #getPort()}
     * @throws UncheckedIOException naming the address when the port cannot be bound
     */
    public static GrpcServer start(String bindHost, int port, BindableService... services) {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(bindHost, port))
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .maxInboundMetadataSize(64 * 1024)
                .permitKeepAliveTime(10, TimeUnit.SECONDS)
                .permitKeepAliveWithoutCalls(true)
                // a restarted process must be able to take its port back while old connections linger in TIME_WAIT
                .withOption(io.grpc.netty.shaded.io.netty.channel.ChannelOption.SO_REUSEADDR, true);
        for (BindableService s : services) {
            builder.addService(s);
        }
        try {
            Server server = builder.build().start();
            LOG.info("gRPC server listening on {}:{}", bindHost, server.getPort());
            return new GrpcServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the RPC server on " + bindHost + ":" + port + ": " + e.getMessage()
                    + " (is the port in use? choose another with the rpc port option)", e);
        }
    }

    /** The bound port (the real one when started with port 0). */
    public int getPort() {
        return server.getPort();
    }

    /** Stops accepting calls, gives running calls up to 5 s, then cancels them. */
    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
                server.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
