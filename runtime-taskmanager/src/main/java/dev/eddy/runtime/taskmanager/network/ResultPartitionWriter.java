package dev.eddy.runtime.taskmanager.network;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * The producer side of one partition at buffer level. Created by
 * {@link ShuffleEnvironment#createResultPartition}; written by one {@link RecordWriter} on the task
 * thread; released once by the task (after finish, cancel or failure).
 *
 * <p>The byte-level methods (added with defaults so hand-written fakes keep compiling) take
 * serialized elements in the wire layout of the network package and are used by
 * {@link RecordWriter}; the task does not call them directly.
 */
public interface ResultPartitionWriter {
    int getNumberOfSubpartitions();

    /**
     * Frees buffers and unregisters the partition (after finish, cancel or failure). Idempotent.
     * After a normal finish the buffered data is still delivered: the memory is freed once every
     * consumer has read it. Must not be called while the task thread is still writing.
     */
    void release();

    /** Appends serialized element bytes to one subpartition, waiting for buffers if needed. Task thread. */
    default void emit(byte[] data, int length, int subpartition) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("emit is not supported by " + getClass().getName());
    }

    /** Appends serialized element bytes to every subpartition. Task thread. */
    default void broadcast(byte[] data, int length) throws IOException, InterruptedException {
        for (int i = 0; i < getNumberOfSubpartitions(); i++) {
            emit(data, length, i);
        }
    }

    /** Makes what was written to one subpartition visible to its consumer. Task thread. */
    default void flush(int subpartition) {}

    /** Makes everything written visible to the consumers. Task thread. */
    default void flushAll() {}

    /**
     * Makes everything appended so far visible to the consumers; any thread, concurrently with the
     * writing thread (the buffer-timeout timer calls it without stopping the task).
     */
    default void flushAllFromAnyThread() {}

    /** True while a buffer can be had without waiting. */
    default boolean isAvailable() {
        return true;
    }

    /** Completes when {@link #isAvailable()} may be true again. */
    default CompletableFuture<Void> getAvailableFuture() {
        return CompletableFuture.completedFuture(null);
    }

    /** Marks the partition finished after END_OF_PARTITION was written to every subpartition. Task thread. */
    default void finish() {}
}
