package dev.eddy.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Writes an object together with its serializer's version into one byte array (4 bytes version,
 * 4 bytes length, then the serializer's bytes), and reads it back. Used where versioned objects
 * (splits, committables, writer states) are kept in operator state. Stateless.
 */
public final class SimpleVersionedSerialization {
    private SimpleVersionedSerialization() {}

    public static <T> byte[] writeVersionAndSerialize(SimpleVersionedSerializer<T> serializer, T datum) throws IOException {
        byte[] data = serializer.serialize(datum);
        ByteBuffer buffer = ByteBuffer.allocate(8 + data.length);
        buffer.putInt(serializer.getVersion());
        buffer.putInt(data.length);
        buffer.put(data);
        return buffer.array();
    }

    public static <T> T readVersionAndDeserialize(SimpleVersionedSerializer<T> serializer, byte[] bytes) throws IOException {
        if (bytes == null || bytes.length < 8) {
            throw new IOException("Versioned bytes are too short (" + (bytes == null ? "null" : bytes.length + " bytes")
                    + "): the state was not written by SimpleVersionedSerialization or is corrupt");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int version = buffer.getInt();
        int length = buffer.getInt();
        if (length != bytes.length - 8) {
            throw new IOException("Versioned bytes announce " + length + " bytes of data but hold " + (bytes.length - 8)
                    + ": the state is corrupt");
        }
        byte[] data = new byte[length];
        buffer.get(data);
        return serializer.deserialize(version, data);
    }
}
