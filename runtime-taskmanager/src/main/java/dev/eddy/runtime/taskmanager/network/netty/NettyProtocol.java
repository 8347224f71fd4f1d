package dev.eddy.runtime.taskmanager.network.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * Frames of the data-plane protocol. Every frame: {@code int magic}, {@code byte version},
 * {@code byte type}, {@code int length} (payload bytes), payload. Big-endian; no Java
 * serialization. Payloads:
 * <ul>
 *   <li>PARTITION_REQUEST: long receiverId, string partitionId, int subpartition, int initialCredit</li>
 *   <li>ADD_CREDIT: long receiverId, int credit</li>
 *   <li>BUFFER_RESPONSE: long receiverId, int sequence, int backlog, data (rest of the frame)</li>
 *   <li>ERROR_RESPONSE: long receiverId ({@link #CONNECTION_WIDE} for the whole connection), string message</li>
 *   <li>PARTITION_NOT_FOUND: long receiverId</li>
 *   <li>CANCEL_PARTITION_REQUEST: long receiverId</li>
 *   <li>CLOSE_REQUEST: empty</li>
 * </ul>
 * Strings are {@code unsigned short length} + UTF-8 bytes (longer text is cut).
 */
public final class NettyProtocol {
    private NettyProtocol() {}

    public static final int MAGIC = 0xEDD1DA7A;
    public static final byte VERSION = 1;
    public static final int HEADER_LENGTH = 10;

    public static final byte PARTITION_REQUEST = 1;
    public static final byte ADD_CREDIT = 2;
    public static final byte BUFFER_RESPONSE = 3;
    public static final byte ERROR_RESPONSE = 4;
    public static final byte PARTITION_NOT_FOUND = 5;
    public static final byte CANCEL_PARTITION_REQUEST = 6;
    public static final byte CLOSE_REQUEST = 7;

    public static final long CONNECTION_WIDE = -1L;
    /** Bytes of a BUFFER_RESPONSE payload before the data. */
    public static final int BUFFER_RESPONSE_PREFIX = 16;

    static boolean isKnownType(byte type) {
        return type >= PARTITION_REQUEST && type <= CLOSE_REQUEST;
    }

    static ByteBuf header(ByteBufAllocator alloc, byte type, int payloadLength, int capacity) {
        ByteBuf b = alloc.buffer(capacity);
        b.writeInt(MAGIC).writeByte(VERSION).writeByte(type).writeInt(payloadLength);
        return b;
    }

    static ByteBuf partitionRequest(ByteBufAllocator alloc, long receiverId, String partitionId, int subpartition, int credit) {
        byte[] id = utf8(partitionId);
        int len = 8 + 2 + id.length + 4 + 4;
        ByteBuf b = header(alloc, PARTITION_REQUEST, len, HEADER_LENGTH + len);
        b.writeLong(receiverId).writeShort(id.length).writeBytes(id).writeInt(subpartition).writeInt(credit);
        return b;
    }

    static ByteBuf addCredit(ByteBufAllocator alloc, long receiverId, int credit) {
        ByteBuf b = header(alloc, ADD_CREDIT, 12, HEADER_LENGTH + 12);
        return b.writeLong(receiverId).writeInt(credit);
    }

    /** Header and the fixed part of a BUFFER_RESPONSE; the data follows as a separate buffer. */
    static ByteBuf bufferResponseHeader(ByteBufAllocator alloc, long receiverId, int sequence, int backlog, int dataLength) {
        ByteBuf b = header(alloc, BUFFER_RESPONSE, BUFFER_RESPONSE_PREFIX + dataLength, HEADER_LENGTH + BUFFER_RESPONSE_PREFIX);
        return b.writeLong(receiverId).writeInt(sequence).writeInt(backlog);
    }

    static ByteBuf errorResponse(ByteBufAllocator alloc, long receiverId, String message) {
        byte[] m = utf8(message);
        int len = 8 + 2 + m.length;
        ByteBuf b = header(alloc, ERROR_RESPONSE, len, HEADER_LENGTH + len);
        return b.writeLong(receiverId).writeShort(m.length).writeBytes(m);
    }

    static ByteBuf receiverOnly(ByteBufAllocator alloc, byte type, long receiverId) {
        ByteBuf b = header(alloc, type, 8, HEADER_LENGTH + 8);
        return b.writeLong(receiverId);
    }

    static ByteBuf closeRequest(ByteBufAllocator alloc) {
        return header(alloc, CLOSE_REQUEST, 0, HEADER_LENGTH);
    }

    static String readString(ByteBuf in) {
        int n = in.readUnsignedShort();
        String s = in.toString(in.readerIndex(), n, StandardCharsets.UTF_8);
        in.skipBytes(n);
        return s;
    }

    private static byte[] utf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 65535) {
            byte[] cut = new byte[65535];
            System.arraycopy(b, 0, cut, 0, cut.length);
            return cut;
        }
        return b;
    }
}
