package dev.eddy.runtime.taskmanager.network.serialization;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.io.IOException;

/**
 * Writes one stream element at a time into a reused scratch array in the wire layout described in
 * {@link StreamElementTags}; the caller then copies {@code array()[0, length())} into network
 * buffers. No allocation per element once the scratch array has grown to the largest record.
 * Task thread only.
 */
public final class StreamElementSerializer<T> {
    private final TypeSerializer<T> serializer;
    private final DataOutputSerializer out = new DataOutputSerializer(256);

    public StreamElementSerializer(TypeSerializer<T> serializer) {
        this.serializer = serializer;
    }

    public byte[] array() {
        return out.getSharedBuffer();
    }

    public int length() {
        return out.length();
    }

    public void serializeRecord(StreamRecord<T> record) throws IOException {
        out.clear();
        out.writeInt(0);
        if (record.hasTimestamp()) {
            out.writeByte(StreamElementTags.RECORD_WITH_TIMESTAMP);
            out.writeLong(record.getTimestamp());
        } else {
            out.writeByte(StreamElementTags.RECORD);
        }
        serializer.serialize(record.getValue(), out);
        int end = out.length();
        out.setPosition(0);
        out.writeInt(end - StreamElementTags.LENGTH_BYTES);
        out.setPosition(end);
    }

    public void serializeWatermark(long timestamp) {
        out.clear();
        out.writeInt(9);
        out.writeByte(StreamElementTags.WATERMARK);
        out.writeLong(timestamp);
    }

    public void serializeEndOfPartition() {
        out.clear();
        out.writeInt(1);
        out.writeByte(StreamElementTags.END_OF_PARTITION);
    }
}
