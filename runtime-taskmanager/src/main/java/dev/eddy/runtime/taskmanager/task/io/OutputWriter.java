package dev.eddy.runtime.taskmanager.task.io;

import dev.eddy.runtime.taskmanager.checkpoint.CancelCheckpointMarker;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointBarrier;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.concurrent.CompletableFuture;

/**
 * The task's view of one record writer (one out edge). The real one wraps the network's
 * {@code RecordWriter}; tests may plug in in-memory writers. Task thread only, except {@link #flushAllFromAnyThread()}.
 */
public interface OutputWriter<T> {
    int getNumberOfSubpartitions();

    void emit(StreamRecord<T> record, int subpartition) throws Exception;

    void broadcastEmit(StreamRecord<T> record) throws Exception;

    void broadcastWatermark(Watermark watermark) throws Exception;

    void flushAll();

    /**
     * Hands what was written so far to the consumers, from any thread while the task thread keeps
     * writing (the buffer-timeout timer). The default does nothing (in-memory writers hold nothing back).
     */
    default void flushAllFromAnyThread() {}

    /**
     * Sends a watermark status change to every subpartition and flushes. The default drops it
     * (in-memory test writers that do not carry statuses).
     */
    default void broadcastWatermarkStatus(dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus status) throws Exception {}

    /**
     * Sends a checkpoint barrier to every subpartition, after all records emitted before it, and
     * flushes. Never blocks on back-pressure for longer than it takes to get one buffer.
     */
    void broadcastBarrier(CheckpointBarrier barrier) throws Exception;

    /** Sends a cancellation marker for an aborted checkpoint to every subpartition and flushes. */
    void broadcastCancelMarker(CancelCheckpointMarker marker) throws Exception;

    boolean isAvailable();

    CompletableFuture<Void> getAvailableFuture();

    /** End of partition on every subpartition. */
    void finish() throws Exception;
}
