package dev.eddy.streaming.api.operators.async;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.io.IOException;

/**
 * Bytes of one queued element in the operator's list state: a tag byte (record without
 * timestamp, record with timestamp, watermark), a long (timestamp), then the value written by the
 * input serializer (records only). Task thread only (the serializer is not thread-safe).
 */
final class QueuedElementCodec<IN> {
    private static final byte RECORD = 0;
    private static final byte TIMESTAMPED_RECORD = 1;
    private static final byte WATERMARK = 2;

    private final TypeSerializer<IN> serializer;
    private final DataOutputSerializer out = new DataOutputSerializer(64);

    QueuedElementCodec(TypeSerializer<IN> serializer) {
        this.serializer = serializer;
    }

    byte[] encodeRecord(IN value, boolean hasTimestamp, long timestamp) throws IOException {
        out.clear();
        out.writeByte(hasTimestamp ? TIMESTAMPED_RECORD : RECORD);
        out.writeLong(timestamp);
        serializer.serialize(value, out);
        return out.getCopyOfBuffer();
    }

    byte[] encodeWatermark(Watermark mark) {
        out.clear();
        out.writeByte(WATERMARK);
        out.writeLong(mark.getTimestamp());
        return out.getCopyOfBuffer();
    }

    /** A {@link StreamRecord} or a {@link Watermark}. */
    Object decode(byte[] bytes) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        byte tag = in.readByte();
        long timestamp = in.readLong();
        switch (tag) {
            case RECORD:
                return new StreamRecord<>(serializer.deserialize(in));
            case TIMESTAMPED_RECORD:
                return new StreamRecord<>(serializer.deserialize(in), timestamp);
            case WATERMARK:
                return new Watermark(timestamp);
            default:
                throw new IOException("Unknown async queue element tag " + tag + " in restored operator state: the state is"
                        + " corrupt or was written by an incompatible version");
        }
    }
}
