package dev.eddy.runtime.taskmanager.network;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Serializes stream elements of one out edge into the network buffers of a partition. A record
 * may span buffers. Task thread only. STUB: implemented by the network package.
 */
public class RecordWriter<T> {
    public RecordWriter(ResultPartitionWriter partition, TypeSerializer<T> serializer) {}

    public int getNumberOfSubpartitions() {
        throw new UnsupportedOperationException("stub");
    }

    /** Appends to a subpartition; waits for a free buffer when the pool is exhausted (back-pressure). */
    public void emit(StreamRecord<T> record, int subpartition) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public void broadcastEmit(StreamRecord<T> record) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public void broadcastWatermark(Watermark watermark) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    /** Hands every partly filled buffer to the consumers (buffer timeout, or before idling). */
    public void flushAll() {
        throw new UnsupportedOperationException("stub");
    }

    /** True while a buffer can be had without waiting. */
    public boolean isAvailable() {
        throw new UnsupportedOperationException("stub");
    }

    /** Completes when {@link #isAvailable()} may be true again. */
    public CompletableFuture<Void> getAvailableFuture() {
        throw new UnsupportedOperationException("stub");
    }

    /** Sends end-of-partition on every subpartition and flushes. */
    public void finish() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }
}
