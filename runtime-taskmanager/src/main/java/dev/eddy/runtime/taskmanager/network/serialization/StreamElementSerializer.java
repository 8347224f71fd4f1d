package dev.eddy.runtime.taskmanager.network.serialization;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.runtime.taskmanager.checkpoint.CancelCheckpointMarker;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointBarrier;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions;
import java.nio.file.Path;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;
import java.io.IOException;

/**
 * Writes one stream element at a time into a reused scratch array in the wire layout described in
 * {@link StreamElementTags}; the caller then copies {@code array()[0, length())} into network
 * buffers. No allocation per element once the scratch array has grown to the largest record.
 * Task thread only (the static {@code read...} methods are stateless and may be called anywhere).
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

    /** {@link StreamElementTags#WATERMARK_STATUS}: one byte, idle or active. */
    public void serializeWatermarkStatus(WatermarkStatus status) {
        out.clear();
        out.writeInt(2);
        out.writeByte(StreamElementTags.WATERMARK_STATUS);
        out.writeByte(status.isIdle() ? StreamElementTags.WATERMARK_STATUS_IDLE : StreamElementTags.WATERMARK_STATUS_ACTIVE);
    }

    public void serializeEndOfPartition() {
        out.clear();
        out.writeInt(1);
        out.writeByte(StreamElementTags.END_OF_PARTITION);
    }

    /** {@link StreamElementTags#CHECKPOINT_BARRIER}: id, timestamp, flags, target and shared directory. */
    public void serializeBarrier(CheckpointBarrier barrier) throws IOException {
        CheckpointOptions o = barrier.options();
        out.clear();
        out.writeInt(0);
        out.writeByte(StreamElementTags.CHECKPOINT_BARRIER);
        out.writeLong(barrier.id());
        out.writeLong(barrier.timestamp());
        int flags = (o.savepoint() ? StreamElementTags.BARRIER_FLAG_SAVEPOINT : 0)
                | (o.exactlyOnce() ? StreamElementTags.BARRIER_FLAG_EXACTLY_ONCE : 0)
                | (o.synchronousStop() ? StreamElementTags.BARRIER_FLAG_SYNCHRONOUS_STOP : 0);
        out.writeByte(flags);
        out.writeUTF(o.targetDirectory() == null ? "" : o.targetDirectory().toString());
        out.writeUTF(o.sharedDirectory() == null ? "" : o.sharedDirectory().toString());
        int end = out.length();
        out.setPosition(0);
        out.writeInt(end - StreamElementTags.LENGTH_BYTES);
        out.setPosition(end);
    }

    /** {@link StreamElementTags#CANCEL_CHECKPOINT_MARKER}: the checkpoint id. */
    public void serializeCancelMarker(CancelCheckpointMarker marker) {
        out.clear();
        out.writeInt(9);
        out.writeByte(StreamElementTags.CANCEL_CHECKPOINT_MARKER);
        out.writeLong(marker.checkpointId());
    }

    /**
     * Decodes a barrier element located by an {@link ElementAssembler}.
     *
     * @param array holds the element
     * @param offset index of the tag byte
     * @param length tag plus body
     * @throws IOException if the body is truncated or malformed
     */
    public static CheckpointBarrier readBarrier(byte[] array, int offset, int length) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer();
        in.setBuffer(array, offset + 1, length - 1);
        try {
            long id = in.readLong();
            long timestamp = in.readLong();
            int flags = in.readByte();
            String target = in.readUTF();
            String shared = in.readUTF();
            CheckpointOptions options = new CheckpointOptions((flags & StreamElementTags.BARRIER_FLAG_SAVEPOINT) != 0,
                    (flags & StreamElementTags.BARRIER_FLAG_EXACTLY_ONCE) != 0, target.isEmpty() ? null : Path.of(target),
                    shared.isEmpty() ? null : Path.of(shared), (flags & StreamElementTags.BARRIER_FLAG_SYNCHRONOUS_STOP) != 0);
            return new CheckpointBarrier(id, timestamp, options);
        } catch (IOException | RuntimeException e) {
            throw new IOException("Corrupt network stream: a checkpoint barrier element of " + length
                    + " bytes could not be decoded (" + e + ")", e);
        }
    }

    /** Decodes a cancel-marker element (see {@link #readBarrier} for the arguments). */
    public static CancelCheckpointMarker readCancelMarker(byte[] array, int offset, int length) throws IOException {
        if (length != 9) {
            throw new IOException("Corrupt network stream: a checkpoint cancel marker must have 9 bytes, had " + length);
        }
        return new CancelCheckpointMarker(BigEndian.getLong(array, offset + 1));
    }

    /** Decodes a watermark-status element (see {@link #readBarrier} for the arguments). */
    public static WatermarkStatus readWatermarkStatus(byte[] array, int offset, int length) throws IOException {
        if (length != 2) {
            throw new IOException("Corrupt network stream: a watermark status element must have 2 bytes, had " + length);
        }
        byte body = array[offset + 1];
        if (body == StreamElementTags.WATERMARK_STATUS_IDLE) {
            return WatermarkStatus.IDLE;
        }
        if (body == StreamElementTags.WATERMARK_STATUS_ACTIVE) {
            return WatermarkStatus.ACTIVE;
        }
        throw new IOException("Corrupt network stream: unknown watermark status byte " + body);
    }
}
