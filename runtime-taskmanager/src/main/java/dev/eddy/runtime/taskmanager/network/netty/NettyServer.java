package dev.eddy.runtime.taskmanager.network.netty;

import dev.eddy.runtime.taskmanager.network.partition.PartitionRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;

/** The TaskManager's data server: accepts connections from consumers on other TaskManagers. */
public final class NettyServer implements AutoCloseable {
    private final Channel serverChannel;

    public NettyServer(NettyTransport transport, EventLoopGroup group, String bindHost, int port, PartitionRegistry registry,
            int maxFrameSize) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannelClass())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new FrameDecoder(maxFrameSize), new ServerConnectionHandler(registry));
                    }
                });
        try {
            this.serverChannel = bootstrap.bind(bindHost, port).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while binding the data server to " + bindHost + ":" + port, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot bind the data server to " + bindHost + ":" + port + ": " + e.getMessage()
                    + ". Choose another port or free this one.", e);
        }
    }

    public int getPort() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly();
    }
}
