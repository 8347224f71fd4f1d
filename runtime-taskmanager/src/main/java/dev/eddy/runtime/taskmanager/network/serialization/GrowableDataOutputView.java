package dev.eddy.runtime.taskmanager.network.serialization;

import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A {@link DataOutputView} over a growable byte array, reused across records (call {@link #clear()}).
 * Big-endian like {@link java.io.DataOutput}. One thread at a time.
 */
public final class GrowableDataOutputView implements DataOutputView {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] buf;
    private int pos;

    public GrowableDataOutputView(int initialCapacity) {
        this.buf = new byte[Math.max(16, initialCapacity)];
    }

    public byte[] array() {
        return buf;
    }

    public int length() {
        return pos;
    }

    public void clear() {
        pos = 0;
    }

    /** Moves the write position (e.g. back to a reserved header). */
    public void setPosition(int position) {
        ensure(position - pos);
        pos = position;
    }

    private void ensure(int extra) {
        int needed = pos + extra;
        if (needed > buf.length) {
            if (needed < 0) {
                throw new IllegalStateException("Serialized record exceeds 2 GiB");
            }
            buf = Arrays.copyOf(buf, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8, buf.length * 2L)));
        }
    }

    /** Writes an int at an absolute position without moving the write position. */
    public void putInt(int position, int v) {
        INT.set(buf, position, v);
    }

    @Override
    public void write(int b) {
        ensure(1);
        buf[pos++] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
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
        ensure(2);
        SHORT.set(buf, pos, (short) v);
        pos += 2;
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        ensure(4);
        INT.set(buf, pos, v);
        pos += 4;
    }

    @Override
    public void writeLong(long v) {
        ensure(8);
        LONG.set(buf, pos, v);
        pos += 8;
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
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    @Override
    public void writeChars(String s) {
        int n = s.length();
        ensure(2 * n);
        for (int i = 0; i < n; i++) {
            SHORT.set(buf, pos, (short) s.charAt(i));
            pos += 2;
        }
    }

    @Override
    public void writeUTF(String s) throws IOException {
        int n = s.length();
        int utfLen = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            utfLen += (c >= 0x0001 && c <= 0x007F) ? 1 : (c > 0x07FF ? 3 : 2);
        }
        if (utfLen > 65535) {
            throw new UTFDataFormatException("String too long for writeUTF: " + utfLen + " bytes");
        }
        ensure(2 + utfLen);
        SHORT.set(buf, pos, (short) utfLen);
        pos += 2;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x0001 && c <= 0x007F) {
                buf[pos++] = (byte) c;
            } else if (c > 0x07FF) {
                buf[pos++] = (byte) (0xE0 | ((c >> 12) & 0x0F));
                buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            } else {
                buf[pos++] = (byte) (0xC0 | ((c >> 6) & 0x1F));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    @Override
    public void skipBytesToWrite(int numBytes) {
        ensure(numBytes);
        pos += numBytes;
    }

    @Override
    public void write(DataInputView source, int numBytes) throws IOException {
        ensure(numBytes);
        source.readFully(buf, pos, numBytes);
        pos += numBytes;
    }
}
