package dev.eddy.core.memory;

import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A {@link DataInputView} over a {@code byte[]} region, the reading counterpart of {@link
 * DataOutputSerializer}. Reads past the end throw {@link EOFException}. Hot-path reads do not
 * allocate.
 *
 * <p>Threading: not thread-safe; one reader at a time. {@link #setBuffer} re-targets it at
 * another region so one instance can be reused for many records.
 */
public final class DataInputDeserializer implements DataInputView {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final byte[] EMPTY = new byte[0];

    private byte[] buffer = EMPTY;
    private int position;
    private int end;

    public DataInputDeserializer() {}

    public DataInputDeserializer(byte[] buffer) {
        setBuffer(buffer, 0, buffer.length);
    }

    public DataInputDeserializer(byte[] buffer, int start, int len) {
        setBuffer(buffer, start, len);
    }

    public DataInputDeserializer(ByteBuffer buffer) {
        setBuffer(buffer);
    }

    public void setBuffer(byte[] buffer) {
        setBuffer(buffer, 0, buffer.length);
    }

    public void setBuffer(byte[] buffer, int start, int len) {
        if (start < 0 || len < 0 || start > buffer.length - len) {
            throw new IllegalArgumentException("Region [" + start + ", +" + len + ") is outside an array of length " + buffer.length);
        }
        this.buffer = buffer;
        this.position = start;
        this.end = start + len;
    }

    /** Reads the remaining bytes of {@code buffer}; heap buffers are wrapped, direct ones copied. */
    public void setBuffer(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            setBuffer(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        } else {
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            setBuffer(copy, 0, copy.length);
        }
    }

    /** Drops the reference to the current array. */
    public void releaseArrays() {
        buffer = EMPTY;
        position = 0;
        end = 0;
    }

    /** Bytes left to read. */
    public int available() {
        return end - position;
    }

    /** Absolute read position in the backing array. */
    public int getPosition() {
        return position;
    }

    /** Moves the absolute read position (must stay within the region's end). */
    public void setPosition(int position) {
        if (position < 0 || position > end) {
            throw new IllegalArgumentException("Position " + position + " is outside [0, " + end + "]");
        }
        this.position = position;
    }

    private void require(int n) throws EOFException {
        if (n > end - position) {
            throw DataOutputSerializer.eof(n, end - position);
        }
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        if (len < 0 || off < 0 || off > b.length - len) {
            throw new IndexOutOfBoundsException("off=" + off + ", len=" + len + ", array length=" + b.length);
        }
        require(len);
        System.arraycopy(buffer, position, b, off, len);
        position += len;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len < 0 || off < 0 || off > b.length - len) {
            throw new IndexOutOfBoundsException("off=" + off + ", len=" + len + ", array length=" + b.length);
        }
        if (position >= end) {
            return len == 0 ? 0 : -1;
        }
        int n = Math.min(len, end - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    public int read(byte[] b) {
        return read(b, 0, b.length);
    }

    @Override
    public int skipBytes(int n) {
        int skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public void skipBytesToRead(int numBytes) throws IOException {
        require(numBytes);
        position += numBytes;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
        if (position >= end) {
            throw DataOutputSerializer.eof(1, 0);
        }
        return buffer[position++];
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return readByte() & 0xFF;
    }

    @Override
    public short readShort() throws IOException {
        require(2);
        short v = (short) SHORT.get(buffer, position);
        position += 2;
        return v;
    }

    @Override
    public int readUnsignedShort() throws IOException {
        return readShort() & 0xFFFF;
    }

    @Override
    public char readChar() throws IOException {
        return (char) readShort();
    }

    @Override
    public int readInt() throws IOException {
        require(4);
        int v = (int) INT.get(buffer, position);
        position += 4;
        return v;
    }

    @Override
    public long readLong() throws IOException {
        require(8);
        long v = (long) LONG.get(buffer, position);
        position += 8;
        return v;
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    @Override
    public String readLine() {
        if (position >= end) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        while (position < end) {
            char c = (char) (buffer[position++] & 0xFF);
            if (c == '\n') {
                break;
            }
            if (c == '\r') {
                if (position < end && buffer[position] == '\n') {
                    position++;
                }
                break;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    @Override
    public String readUTF() throws IOException {
        int utflen = readUnsignedShort();
        require(utflen);
        char[] chars = new char[utflen];
        int limit = position + utflen;
        int count = 0;
        while (position < limit) {
            int c = buffer[position] & 0xFF;
            if (c < 0x80) {
                position++;
                chars[count++] = (char) c;
            } else if ((c >> 5) == 0x06 && position + 1 < limit) {
                int c2 = buffer[position + 1];
                position += 2;
                chars[count++] = (char) (((c & 0x1F) << 6) | (c2 & 0x3F));
            } else if ((c >> 4) == 0x0E && position + 2 < limit) {
                int c2 = buffer[position + 1];
                int c3 = buffer[position + 2];
                position += 3;
                chars[count++] = (char) (((c & 0x0F) << 12) | ((c2 & 0x3F) << 6) | (c3 & 0x3F));
            } else {
                throw new UTFDataFormatException("Malformed modified UTF-8 input around byte " + position);
            }
        }
        return new String(chars, 0, count);
    }

    /** Reads an unsigned varint written by {@link DataOutputSerializer#writeVarInt(int)}. */
    public int readVarInt() throws IOException {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (position >= end) {
                throw DataOutputSerializer.eof(1, 0);
            }
            int b = buffer[position++];
            result |= (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new IOException("Malformed varint: more than 5 bytes");
    }

    /**
     * Reads {@code len} chars written by {@link DataOutputSerializer#writeVarChars}. An all-ASCII
     * run is turned into a String straight from the backing array.
     */
    public String readVarChars(int len) throws IOException {
        byte[] buf = buffer;
        int pos = position;
        if (len <= end - pos) {
            int i = 0;
            while (i < len && buf[pos + i] >= 0) {
                i++;
            }
            if (i == len) {
                position = pos + len;
                return new String(buf, pos, len, StandardCharsets.ISO_8859_1);
            }
        }
        char[] chars = new char[len];
        for (int i = 0; i < len; i++) {
            if (pos >= end) {
                position = pos;
                throw DataOutputSerializer.eof(1, 0);
            }
            int c = buf[pos++];
            if (c < 0) {
                c &= 0x7F;
                int shift = 7;
                int b;
                do {
                    if (pos >= end) {
                        position = pos;
                        throw DataOutputSerializer.eof(1, 0);
                    }
                    b = buf[pos++];
                    c |= (b & 0x7F) << shift;
                    shift += 7;
                } while (b < 0 && shift < 21);
            }
            chars[i] = (char) c;
        }
        position = pos;
        return new String(chars);
    }

    @Override
    public String toString() {
        return "DataInputDeserializer[pos=" + position + ", end=" + end + "]";
    }
}
