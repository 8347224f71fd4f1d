package dev.eddy.runtime.taskmanager.network;

import dev.eddy.runtime.taskmanager.network.buffer.BufferSlice;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * The consumer side of one in-edge at buffer level. Created by
 * {@link ShuffleEnvironment#createInputGate}; read by one {@link StreamInputReader} on the task
 * thread; closed by the task when it ends (any thread may close it to cancel).
 *
 * <p>The buffer-level methods were added with defaults so hand-written fakes keep compiling.
 */
public interface InputGate {
    int getNumberOfChannels();

    /** Closes channels and frees buffers. Idempotent. */
    void close();

    /**
     * The next buffer of some channel (channels take turns), with {@link BufferSlice#channelIndex()}
     * set, or null if none is available now. The caller releases the slice when done. Task thread.
     *
     * @throws IOException if a channel failed (lost connection, producer failure, partition not found)
     */
    default BufferSlice pollNext() throws IOException {
        throw new UnsupportedOperationException("pollNext is not supported by " + getClass().getName());
    }

    /** Completes when {@link #pollNext()} may return data or fail. Race-free with pollNext. */
    default CompletableFuture<Void> getAvailableFuture() {
        return CompletableFuture.completedFuture(null);
    }
}
