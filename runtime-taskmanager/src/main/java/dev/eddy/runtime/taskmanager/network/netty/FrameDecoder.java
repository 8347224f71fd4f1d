package dev.eddy.runtime.taskmanager.network.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the inbound byte stream into {@link InboundFrame}s and validates each header. A wrong magic
 * number, an unsupported version, an unknown type or a length above the hard frame limit closes this
 * connection (with a logged warning) and nothing else. One instance per connection; event loop only.
 */
final class FrameDecoder extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(FrameDecoder.class);
    private final int maxFrameSize;
    private boolean broken;

    FrameDecoder(int maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.readableBytes() >= NettyProtocol.HEADER_LENGTH) {
            int start = in.readerIndex();
            int magic = in.getInt(start);
            byte version = in.getByte(start + 4);
            byte type = in.getByte(start + 5);
            int length = in.getInt(start + 6);
            String problem = null;
            if (magic != NettyProtocol.MAGIC) {
                problem = String.format("bad magic number 0x%08X", magic);
            } else if (version != NettyProtocol.VERSION) {
                problem = "unsupported protocol version " + version + " (this side speaks " + NettyProtocol.VERSION + ")";
            } else if (!NettyProtocol.isKnownType(type)) {
                problem = "unknown message type " + type;
            } else if (length < 0 || length > maxFrameSize) {
                problem = "frame of " + length + " bytes exceeds the limit of " + maxFrameSize
                        + " bytes (taskmanager.network.max-frame-size)";
            }
            if (problem != null) {
                broken = true;
                in.skipBytes(in.readableBytes());
                LOG.warn("Closing data connection {} <-> {}: {}", ctx.channel().localAddress(), ctx.channel().remoteAddress(), problem);
                ctx.close();
                return;
            }
            if (in.readableBytes() < NettyProtocol.HEADER_LENGTH + length) {
                return;
            }
            in.skipBytes(NettyProtocol.HEADER_LENGTH);
            out.add(new InboundFrame(type, in.readRetainedSlice(length)));
        }
    }
}
