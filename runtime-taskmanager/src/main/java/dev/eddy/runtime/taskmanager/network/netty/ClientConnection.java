package dev.eddy.runtime.taskmanager.network.netty;

import dev.eddy.runtime.taskmanager.network.buffer.NetworkBuffer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection to a producer TaskManager, shared by every remote channel of this TaskManager
 * that reads from it; channels are told apart by receiver id. Thread-safe: requests and credits may
 * be sent from any thread (Netty hops onto the event loop); inbound frames are handled on the event
 * loop.
 */
public final class ClientConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private final InetSocketAddress remote;
    private final ConcurrentHashMap<Long, RemoteReceiver> receivers = new ConcurrentHashMap<>();
    private volatile Channel channel;
    private volatile boolean closed;

    ClientConnection(InetSocketAddress remote) {
        this.remote = remote;
    }

    void attach(Channel ch) {
        this.channel = ch;
    }

    public InetSocketAddress remoteAddress() {
        return remote;
    }

    public boolean isActive() {
        Channel ch = channel;
        return !closed && ch != null && ch.isActive();
    }

    /** Registers the receiver and sends the request with the receiver's initial credit. */
    public void requestPartition(long receiverId, RemoteReceiver receiver, String partitionId, int subpartition, int initialCredit) {
        receivers.put(receiverId, receiver);
        if (closed) {
            receivers.remove(receiverId);
            receiver.onError(new IOException("Connection to producer TaskManager at " + remote + " was lost"));
            return;
        }
        channel.writeAndFlush(NettyProtocol.partitionRequest(channel.alloc(), receiverId, partitionId, subpartition, initialCredit));
    }

    public void addCredit(long receiverId, int credit) {
        Channel ch = channel;
        if (credit > 0 && ch != null) {
            ch.writeAndFlush(NettyProtocol.addCredit(ch.alloc(), receiverId, credit));
        }
    }

    /** Unregisters the receiver and tells the producer to stop sending to it. */
    public void cancel(long receiverId) {
        if (receivers.remove(receiverId) != null && isActive()) {
            channel.writeAndFlush(NettyProtocol.receiverOnly(channel.alloc(), NettyProtocol.CANCEL_PARTITION_REQUEST, receiverId));
        }
    }

    /** Forgets a receiver without telling the producer (it already forgot it, e.g. after PartitionNotFound). */
    public void unregister(long receiverId) {
        receivers.remove(receiverId);
    }

    void close() {
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            ch.writeAndFlush(NettyProtocol.closeRequest(ch.alloc()));
            ch.close();
        }
    }

    /** Inbound side. */
    final class Handler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            InboundFrame frame = (InboundFrame) msg;
            ByteBuf in = frame.payload();
            try {
                switch (frame.type()) {
                    case NettyProtocol.BUFFER_RESPONSE -> onBufferResponse(in);
                    case NettyProtocol.ERROR_RESPONSE -> onErrorResponse(in);
                    case NettyProtocol.PARTITION_NOT_FOUND -> {
                        RemoteReceiver r = receivers.remove(in.readLong());
                        if (r != null) {
                            r.onPartitionNotFound();
                        }
                    }
                    default -> {
                        LOG.warn("Closing data connection to {}: message type {} is not valid towards a consumer", remote, frame.type());
                        ctx.close();
                    }
                }
            } finally {
                in.release();
            }
        }

        private void onBufferResponse(ByteBuf in) {
            long receiverId = in.readLong();
            int sequence = in.readInt();
            int backlog = in.readInt();
            int length = in.readableBytes();
            RemoteReceiver r = receivers.get(receiverId);
            if (r == null) {
                return; // cancelled meanwhile; the data is dropped
            }
            NetworkBuffer buffer = r.takeReceiveBuffer();
            if (buffer == null || buffer.capacity() < length) {
                if (buffer != null) {
                    buffer.release();
                }
                receivers.remove(receiverId);
                r.onError(new IOException("Producer at " + remote + " sent " + length + " bytes without credit or larger than a"
                        + " buffer; check that both TaskManagers use the same taskmanager.memory.segment-size"));
                return;
            }
            in.readBytes(buffer.array(), 0, length);
            r.onBuffer(buffer, length, sequence, backlog);
        }

        private void onErrorResponse(ByteBuf in) {
            long receiverId = in.readLong();
            String message = NettyProtocol.readString(in);
            if (receiverId == NettyProtocol.CONNECTION_WIDE) {
                failAll(new IOException("Producer TaskManager at " + remote + " reported an error: " + message));
                return;
            }
            RemoteReceiver r = receivers.remove(receiverId);
            if (r != null) {
                r.onError(new IOException("Producer TaskManager at " + remote + " reported an error: " + message));
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            closed = true;
            failAll(new IOException("Connection to producer TaskManager at " + remote + " was lost"));
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.warn("Closing data connection to {} after an error: {}", remote, cause.toString());
            ctx.close();
        }
    }

    private void failAll(IOException cause) {
        List<RemoteReceiver> all = new ArrayList<>(receivers.values());
        receivers.clear();
        for (RemoteReceiver r : all) {
            r.onError(cause);
        }
    }
}
