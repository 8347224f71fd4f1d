package dev.eddy.core.memory;

import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable, {@code byte[]}-backed {@link DataOutputView}. Multi-byte values are big-endian (the
 * {@link java.io.DataOutput} convention). Hot-path writes do not allocate; the buffer doubles when
 * full.
 *
 * <p>Threading: not thread-safe; one writer (usually a task thread) at a time. The lifecycle is
 * write..., then read the bytes ({@link #getSharedBuffer()} + {@link #length()} or {@link
 * #getCopyOfBuffer()}), then {@link #clear()} to reuse.
 */
public final class DataOutputSerializer implements DataOutputView {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private byte[] buffer;
    private int position;

    public DataOutputSerializer(int startSize) {
        if (startSize < 1) {
            throw new IllegalArgumentException("DataOutputSerializer start size must be >= 1, was " + startSize);
        }
        this.buffer = new byte[startSize];
    }

    public DataOutputSerializer() {
        this(256);
    }

    /** The written bytes as a buffer wrapping the internal array (no copy; invalid after further writes). */
    public ByteBuffer wrapAsByteBuffer() {
        return ByteBuffer.wrap(buffer, 0, position);
    }

    /** The internal array; bytes {@code [0, length())} are valid. Shared: later writes change it. */
    public byte[] getSharedBuffer() {
        return buffer;
    }

    /** A copy of the written bytes. */
    public byte[] getCopyOfBuffer() {
        return Arrays.copyOf(buffer, position);
    }

    /** Forgets the written bytes; keeps the array for reuse. */
    public void clear() {
        position = 0;
    }

    /** Number of bytes written. */
    public int length() {
        return position;
    }

    public int getPosition() {
        return position;
    }

    /** Moves the write position within the current capacity (e.g. to back-patch a length). */
    public void setPosition(int position) {
        if (position < 0 || position > buffer.length) {
            throw new IllegalArgumentException("Position " + position + " is outside the buffer [0, " + buffer.length + "]");
        }
        this.position = position;
    }

    /** Makes sure at least {@code bytes} more bytes fit without growing. */
    public void ensureCapacity(int bytes) {
        if (bytes > buffer.length - position) {
            grow(bytes);
        }
    }

    @Override
    public String toString() {
        return "DataOutputSerializer[pos=" + position + ", cap=" + buffer.length + "]";
    }

    private void grow(int minFree) {
        long needed = (long) position + minFree;
        if (needed > MAX_ARRAY) {
            throw new IllegalStateException("Cannot serialize more than " + MAX_ARRAY + " bytes into one DataOutputSerializer");
        }
        long newSize = Math.max(needed, Math.min((long) buffer.length * 2, MAX_ARRAY));
        buffer = Arrays.copyOf(buffer, (int) newSize);
    }

    @Override
    public void write(int b) {
        if (position >= buffer.length) {
            grow(1);
        }
        buffer[position++] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (len < 0 || off < 0 || off > b.length - len) {
            throw new IndexOutOfBoundsException("off=" + off + ", len=" + len + ", array length=" + b.length);
        }
        if (len > buffer.length - position) {
            grow(len);
        }
        System.arraycopy(b, off, buffer, position, len);
        position += len;
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        if (2 > buffer.length - position) {
            grow(2);
        }
        SHORT.set(buffer, position, (short) v);
        position += 2;
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        if (4 > buffer.length - position) {
            grow(4);
        }
        INT.set(buffer, position, v);
        position += 4;
    }

    @Override
    public void writeLong(long v) {
        if (8 > buffer.length - position) {
            grow(8);
        }
        LONG.set(buffer, position, v);
        position += 8;
    }

    @Override
    public void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
        int len = s.length();
        ensureCapacity(len);
        for (int i = 0; i < len; i++) {
            buffer[position++] = (byte) s.charAt(i);
        }
    }

    @Override
    public void writeChars(String s) {
        int len = s.length();
        ensureCapacity(2 * len);
        for (int i = 0; i < len; i++) {
            SHORT.set(buffer, position, (short) s.charAt(i));
            position += 2;
        }
    }

    @Override
    public void writeUTF(String str) throws IOException {
        int strlen = str.length();
        int utflen = 0;
        for (int i = 0; i < strlen; i++) {
            char c = str.charAt(i);
            utflen += (c >= 0x0001 && c <= 0x007F) ? 1 : (c > 0x07FF ? 3 : 2);
        }
        if (utflen > 65535) {
            throw new UTFDataFormatException("writeUTF: encoded string too long (" + utflen + " bytes > 65535); use a String serializer instead");
        }
        ensureCapacity(utflen + 2);
        writeShort(utflen);
        for (int i = 0; i < strlen; i++) {
            char c = str.charAt(i);
            if (c >= 0x0001 && c <= 0x007F) {
                buffer[position++] = (byte) c;
            } else if (c > 0x07FF) {
                buffer[position++] = (byte) (0xE0 | ((c >> 12) & 0x0F));
                buffer[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            } else {
                buffer[position++] = (byte) (0xC0 | ((c >> 6) & 0x1F));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    /**
     * Writes an unsigned variable-length int (7 bits per byte, high bit = more). Used by the String
     * and collection serializers.
     */
    public void writeVarInt(int value) {
        if (5 > buffer.length - position) {
            grow(5);
        }
        while ((value & ~0x7F) != 0) {
            buffer[position++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[position++] = (byte) value;
    }

    /** Writes the chars {@code [0, len)} of {@code s}, each as an unsigned varint (1–3 bytes). */
    public void writeVarChars(String s, int len) {
        if (3L * len > buffer.length - position) {
            grow(3 * len);
        }
        byte[] buf = buffer;
        int pos = position;
        for (int i = 0; i < len; i++) {
            int c = s.charAt(i);
            if (c < 0x80) {
                buf[pos++] = (byte) c;
            } else if (c < 0x4000) {
                buf[pos++] = (byte) (c | 0x80);
                buf[pos++] = (byte) (c >>> 7);
            } else {
                buf[pos++] = (byte) (c | 0x80);
                buf[pos++] = (byte) ((c >>> 7) | 0x80);
                buf[pos++] = (byte) (c >>> 14);
            }
        }
        position = pos;
    }

    @Override
    public void skipBytesToWrite(int numBytes) {
        if (numBytes < 0) {
            throw new IllegalArgumentException("Cannot skip a negative number of bytes: " + numBytes);
        }
        ensureCapacity(numBytes);
        position += numBytes;
    }

    @Override
    public void write(DataInputView source, int numBytes) throws IOException {
        ensureCapacity(numBytes);
        source.readFully(buffer, position, numBytes);
        position += numBytes;
    }

    static EOFException eof(int wanted, int available) {
        return new EOFException("Wanted " + wanted + " bytes but only " + available + " are left");
    }
}
