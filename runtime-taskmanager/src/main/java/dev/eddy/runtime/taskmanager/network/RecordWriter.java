package dev.eddy.runtime.taskmanager.network;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.runtime.taskmanager.checkpoint.CancelCheckpointMarker;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointBarrier;
import dev.eddy.runtime.taskmanager.network.serialization.StreamElementSerializer;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Serializes stream elements of one out edge into the network buffers of a partition. A record
 * may span buffers. Task thread only.
 *
 * <p>Each element is serialized once into a reused scratch array (wire layout in
 * {@link dev.eddy.runtime.taskmanager.network.serialization.StreamElementTags}) and copied into the
 * subpartition's current buffer; broadcasts copy the same bytes into every subpartition. Nothing is
 * allocated per record once the scratch array has grown to the largest record. Data becomes visible
 * to consumers when a buffer fills, on {@link #flushAll()}, or on {@link #finish()}.
 */
public class RecordWriter<T> {
    private final ResultPartitionWriter partition;
    private final StreamElementSerializer<T> elements;

    public RecordWriter(ResultPartitionWriter partition, TypeSerializer<T> serializer) {
        this.partition = partition;
        this.elements = new StreamElementSerializer<>(serializer);
    }

    public int getNumberOfSubpartitions() {
        return partition.getNumberOfSubpartitions();
    }

    /** Appends to a subpartition; waits for a free buffer when the pool is exhausted (back-pressure). */
    public void emit(StreamRecord<T> record, int subpartition) throws IOException, InterruptedException {
        elements.serializeRecord(record);
        partition.emit(elements.array(), elements.length(), subpartition);
    }

    public void broadcastEmit(StreamRecord<T> record) throws IOException, InterruptedException {
        elements.serializeRecord(record);
        partition.broadcast(elements.array(), elements.length());
    }

    public void broadcastWatermark(Watermark watermark) throws IOException, InterruptedException {
        elements.serializeWatermark(watermark.getTimestamp());
        partition.broadcast(elements.array(), elements.length());
    }

    /** Appends a watermark status change to every subpartition and flushes (an idle producer sends nothing that would flush it). */
    public void broadcastWatermarkStatus(dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus status)
            throws IOException, InterruptedException {
        elements.serializeWatermarkStatus(status);
        partition.broadcast(elements.array(), elements.length());
        partition.flushAll();
    }

    /**
     * Appends a checkpoint barrier to every subpartition, behind everything emitted before it, and
     * flushes so that it travels at once (a barrier must not wait for the buffer timeout).
     */
    public void broadcastBarrier(CheckpointBarrier barrier) throws IOException, InterruptedException {
        elements.serializeBarrier(barrier);
        partition.broadcast(elements.array(), elements.length());
        partition.flushAll();
    }

    /** Appends a cancel marker for an aborted checkpoint to every subpartition and flushes. */
    public void broadcastCancelMarker(CancelCheckpointMarker marker) throws IOException, InterruptedException {
        elements.serializeCancelMarker(marker);
        partition.broadcast(elements.array(), elements.length());
        partition.flushAll();
    }

    /** Hands every partly filled buffer to the consumers (before idling, or a flush after every record). Task thread. */
    public void flushAll() {
        partition.flushAll();
    }

    /** Hands what was appended so far to the consumers; any thread (the buffer-timeout timer), while the task writes. */
    public void flushAllFromAnyThread() {
        partition.flushAllFromAnyThread();
    }

    /** True while a buffer can be had without waiting. */
    public boolean isAvailable() {
        return partition.isAvailable();
    }

    /** Completes when {@link #isAvailable()} may be true again. */
    public CompletableFuture<Void> getAvailableFuture() {
        return partition.getAvailableFuture();
    }

    /** Sends end-of-partition on every subpartition and flushes. */
    public void finish() throws IOException, InterruptedException {
        elements.serializeEndOfPartition();
        partition.broadcast(elements.array(), elements.length());
        partition.finish();
    }
}
