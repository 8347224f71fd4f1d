package dev.eddy.runtime.taskmanager.network.netty;

import dev.eddy.runtime.taskmanager.network.buffer.BufferSlice;
import dev.eddy.runtime.taskmanager.network.partition.DataAvailabilityListener;
import dev.eddy.runtime.taskmanager.network.partition.PartitionNotFoundException;
import dev.eddy.runtime.taskmanager.network.partition.PartitionRegistry;
import dev.eddy.runtime.taskmanager.network.partition.PipelinedSubpartition;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer side of one data connection: serves the subpartitions requested over it, sending a
 * buffer only against credit and round-robin across readers that have both credit and data.
 *
 * <p>Threading: everything runs on the connection's event loop. Producers' data notifications hop
 * onto it with {@code execute}. Buffers are written without copying on our side (the heap segment is
 * wrapped) and their references are dropped when the write completes or fails.
 */
final class ServerConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ServerConnectionHandler.class);

    private final PartitionRegistry registry;
    private final Map<Long, Reader> readers = new HashMap<>();
    private final ArrayDeque<Reader> ready = new ArrayDeque<>();
    private ChannelHandlerContext ctx;

    ServerConnectionHandler(PartitionRegistry registry) {
        this.registry = registry;
    }

    /** One requested subpartition. Fields are confined to the event loop. */
    private final class Reader implements DataAvailabilityListener {
        final long receiverId;
        final String partitionId;
        PipelinedSubpartition view;
        int credit;
        int sequence;
        boolean queued;
        boolean removed;
        final Runnable enqueueTask = () -> enqueue(this);

        Reader(long receiverId, String partitionId, int credit) {
            this.receiverId = receiverId;
            this.partitionId = partitionId;
            this.credit = credit;
        }

        @Override
        public void notifyDataAvailable() {
            ctx.executor().execute(enqueueTask);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        super.channelActive(ctx);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        InboundFrame frame = (InboundFrame) msg;
        ByteBuf in = frame.payload();
        try {
            switch (frame.type()) {
                case NettyProtocol.PARTITION_REQUEST -> onPartitionRequest(in);
                case NettyProtocol.ADD_CREDIT -> onAddCredit(in.readLong(), in.readInt());
                case NettyProtocol.CANCEL_PARTITION_REQUEST -> cancel(in.readLong());
                case NettyProtocol.CLOSE_REQUEST -> ctx.close();
                default -> {
                    LOG.warn("Closing data connection from {}: message type {} is not valid towards a producer",
                            ctx.channel().remoteAddress(), frame.type());
                    ctx.close();
                }
            }
        } finally {
            in.release();
        }
    }

    private void onPartitionRequest(ByteBuf in) {
        long receiverId = in.readLong();
        String partitionId = NettyProtocol.readString(in);
        int subpartition = in.readInt();
        int credit = in.readInt();
        if (readers.containsKey(receiverId)) {
            sendError(receiverId, "Receiver id " + receiverId + " is already in use on this connection");
            return;
        }
        Reader reader = new Reader(receiverId, partitionId, credit);
        try {
            reader.view = registry.get(partitionId).createView(subpartition, reader);
        } catch (PartitionNotFoundException e) {
            ctx.writeAndFlush(NettyProtocol.receiverOnly(ctx.alloc(), NettyProtocol.PARTITION_NOT_FOUND, receiverId));
            return;
        } catch (IOException e) {
            sendError(receiverId, e.getMessage());
            return;
        }
        readers.put(receiverId, reader);
        enqueue(reader);
    }

    private void onAddCredit(long receiverId, int credit) {
        Reader reader = readers.get(receiverId);
        if (reader != null && credit > 0) {
            reader.credit += credit;
            enqueue(reader);
        }
    }

    private void cancel(long receiverId) {
        Reader reader = readers.remove(receiverId);
        if (reader != null) {
            reader.removed = true;
            reader.view.releaseView();
        }
    }

    private void enqueue(Reader reader) {
        if (!reader.queued && !reader.removed && reader.credit > 0) {
            reader.queued = true;
            ready.addLast(reader);
        }
        writeAvailable();
    }

    private void writeAvailable() {
        boolean wrote = false;
        Reader reader;
        while (ctx.channel().isWritable() && (reader = ready.pollFirst()) != null) {
            reader.queued = false;
            if (reader.removed || reader.credit <= 0) {
                continue;
            }
            BufferSlice slice;
            try {
                slice = reader.view.poll();
            } catch (IOException e) {
                readers.remove(reader.receiverId);
                reader.removed = true;
                sendError(reader.receiverId, e.getMessage());
                continue;
            }
            if (slice == null) {
                if (reader.view.isConsumed()) {
                    readers.remove(reader.receiverId);
                    reader.removed = true;
                }
                continue;
            }
            writeBuffer(reader, slice);
            wrote = true;
            if (reader.view.isConsumed()) {
                readers.remove(reader.receiverId);
                reader.removed = true;
            } else if (reader.credit > 0) {
                reader.queued = true;
                ready.addLast(reader);
            }
        }
        if (wrote) {
            ctx.flush();
        }
    }

    private void writeBuffer(Reader reader, BufferSlice slice) {
        reader.credit--;
        ctx.write(NettyProtocol.bufferResponseHeader(ctx.alloc(), reader.receiverId, reader.sequence++, slice.backlog(),
                slice.length()), ctx.voidPromise());
        ByteBuf data = Unpooled.wrappedBuffer(slice.array(), slice.offset(), slice.length());
        ctx.write(data).addListener(f -> slice.release());
    }

    private void sendError(long receiverId, String message) {
        ctx.writeAndFlush(NettyProtocol.errorResponse(ctx.alloc(), receiverId, message));
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().isWritable()) {
            writeAvailable();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        for (Reader r : readers.values()) {
            r.removed = true;
            r.view.releaseView();
        }
        readers.clear();
        ready.clear();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("Closing data connection from {} after an error: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
