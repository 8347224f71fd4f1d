package dev.eddy.api.common.typeutils.base;

import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;
import java.time.Instant;

/** Null-safe Instant serializer: long epoch seconds (Long.MIN_VALUE = null) + int nanos; 12 bytes. */
public final class InstantSerializer extends TypeSerializerSingleton<Instant> {
    private static final long serialVersionUID = 1L;
    public static final InstantSerializer INSTANCE = new InstantSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Instant createInstance() {
        return Instant.EPOCH;
    }

    @Override
    public Instant copy(Instant from) {
        return from;
    }

    @Override
    public int getLength() {
        return 12;
    }

    @Override
    public void serialize(Instant record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeLong(Long.MIN_VALUE);
            target.writeInt(0);
        } else {
            target.writeLong(record.getEpochSecond());
            target.writeInt(record.getNano());
        }
    }

    @Override
    public Instant deserialize(DataInputView source) throws IOException {
        long seconds = source.readLong();
        int nanos = source.readInt();
        return seconds == Long.MIN_VALUE ? null : Instant.ofEpochSecond(seconds, nanos);
    }
}
