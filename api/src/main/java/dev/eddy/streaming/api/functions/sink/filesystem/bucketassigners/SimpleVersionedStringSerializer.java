package dev.eddy.streaming.api.functions.sink.filesystem.bucketassigners;

import dev.eddy.core.io.SimpleVersionedSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Serializes strings as UTF-8. Stateless. */
public final class SimpleVersionedStringSerializer implements SimpleVersionedSerializer<String> {
    public static final SimpleVersionedStringSerializer INSTANCE = new SimpleVersionedStringSerializer();

    private SimpleVersionedStringSerializer() {}

    @Override
    public int getVersion() {
        return 1;
    }

    @Override
    public byte[] serialize(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String deserialize(int version, byte[] serialized) throws IOException {
        if (version != 1) {
            throw new IOException("Unknown string serialization version " + version + " (this Eddy version reads version 1)");
        }
        return new String(serialized, StandardCharsets.UTF_8);
    }
}
