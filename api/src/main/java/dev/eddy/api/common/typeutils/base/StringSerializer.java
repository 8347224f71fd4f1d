package dev.eddy.api.common.typeutils.base;

import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.core.memory.DataOutputView;
import java.io.EOFException;
import java.io.IOException;

/**
 * Null-safe String serializer. Format: varint(length + 1) (0 means null), then each UTF-16 char
 * as a varint (ASCII takes one byte). Fast paths read and write straight from/into the arrays of
 * {@link DataOutputSerializer} and {@link DataInputDeserializer}; ASCII strings are decoded
 * without an intermediate char array.
 */
public final class StringSerializer extends TypeSerializerSingleton<String> {
    private static final long serialVersionUID = 1L;
    public static final StringSerializer INSTANCE = new StringSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public String createInstance() {
        return "";
    }

    @Override
    public String copy(String from) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(String record, DataOutputView target) throws IOException {
        writeString(record, target);
    }

    @Override
    public String deserialize(DataInputView source) throws IOException {
        return readString(source);
    }

    /** Writes a possibly-null String in this serializer's format. */
    public static void writeString(String s, DataOutputView target) throws IOException {
        if (target instanceof DataOutputSerializer) {
            DataOutputSerializer out = (DataOutputSerializer) target;
            if (s == null) {
                out.write(0);
                return;
            }
            int len = s.length();
            out.writeVarInt(len + 1);
            out.writeVarChars(s, len);
            return;
        }
        if (s == null) {
            target.write(0);
            return;
        }
        int len = s.length();
        int maxBytes = 5 + 3 * len;
        byte[] buf = maxBytes <= SCRATCH_SIZE ? SCRATCH.get() : new byte[maxBytes];
        int pos = encodeVarInt(len + 1, buf, 0);
        for (int i = 0; i < len; i++) {
            pos = encodeVarInt(s.charAt(i), buf, pos);
        }
        target.write(buf, 0, pos);
    }

    /** Per-thread scratch buffer so that other views receive a string in one bulk write without allocation. */
    private static final int SCRATCH_SIZE = 16 * 1024;

    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[SCRATCH_SIZE]);

    private static int encodeVarInt(int value, byte[] buf, int pos) {
        while ((value & ~0x7F) != 0) {
            buf[pos++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buf[pos++] = (byte) value;
        return pos;
    }

    /** Reads a possibly-null String written by {@link #writeString}. */
    public static String readString(DataInputView source) throws IOException {
        if (source instanceof DataInputDeserializer) {
            DataInputDeserializer in = (DataInputDeserializer) source;
            int lenPlusOne = in.readVarInt();
            return lenPlusOne == 0 ? null : in.readVarChars(lenPlusOne - 1);
        }
        int lenPlusOne = readVarIntFrom(source);
        if (lenPlusOne == 0) {
            return null;
        }
        int len = lenPlusOne - 1;
        char[] chars = new char[len];
        for (int i = 0; i < len; i++) {
            chars[i] = (char) readVarIntFrom(source);
        }
        return new String(chars);
    }

    /** Unsigned varint on any view (7 bits per byte, high bit = more). */
    public static void writeVarIntTo(int value, DataOutputView target) throws IOException {
        while ((value & ~0x7F) != 0) {
            target.write((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        target.write(value);
    }

    /** Reads a varint written by {@link #writeVarIntTo}. */
    public static int readVarIntFrom(DataInputView source) throws IOException {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = source.readByte();
            result |= (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new EOFException("Malformed varint: more than 5 bytes");
    }
}
