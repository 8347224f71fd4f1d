package dev.eddy.runtime.taskmanager.network.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out one shared {@link ClientConnection} per producer TaskManager address, connecting on
 * first use and reconnecting after a connection was lost. Thread-safe.
 */
public final class NettyClient implements AutoCloseable {
    private final NettyTransport transport;
    private final EventLoopGroup group;
    private final int maxFrameSize;
    private final ConcurrentHashMap<InetSocketAddress, CompletableFuture<ClientConnection>> connections = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public NettyClient(NettyTransport transport, EventLoopGroup group, int maxFrameSize) {
        this.transport = transport;
        this.group = group;
        this.maxFrameSize = maxFrameSize;
    }

    /** The shared connection to {@code address}; completes exceptionally with an IOException naming it. */
    public CompletableFuture<ClientConnection> connect(InetSocketAddress address) {
        if (closed) {
            return CompletableFuture.failedFuture(new IOException("The data plane client is closed"));
        }
        while (true) {
            CompletableFuture<ClientConnection> existing = connections.get(address);
            if (existing != null) {
                if (!existing.isDone() || (!existing.isCompletedExceptionally() && existing.join().isActive())) {
                    return existing;
                }
                connections.remove(address, existing);
                continue;
            }
            CompletableFuture<ClientConnection> fresh = new CompletableFuture<>();
            if (connections.putIfAbsent(address, fresh) == null) {
                open(address, fresh);
                return fresh;
            }
        }
    }

    private void open(InetSocketAddress address, CompletableFuture<ClientConnection> result) {
        ClientConnection connection = new ClientConnection(address);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(transport.clientChannelClass())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new FrameDecoder(maxFrameSize), connection.new Handler());
                    }
                });
        ChannelFuture f = bootstrap.connect(address);
        f.addListener(done -> {
            if (done.isSuccess()) {
                connection.attach(f.channel());
                f.channel().closeFuture().addListener(c -> connections.remove(address, result));
                result.complete(connection);
            } else {
                connections.remove(address, result);
                result.completeExceptionally(new IOException("Cannot connect to producer TaskManager at " + address + ": "
                        + done.cause().getMessage(), done.cause()));
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        for (CompletableFuture<ClientConnection> f : connections.values()) {
            if (f.isDone() && !f.isCompletedExceptionally()) {
                f.join().close();
            }
        }
        connections.clear();
    }
}
