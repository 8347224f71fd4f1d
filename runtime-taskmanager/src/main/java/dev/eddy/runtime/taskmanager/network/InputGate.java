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

    /**
     * Stops handing out buffers of one channel (checkpoint barrier alignment) until
     * {@link #unblockChannel}. The channel keeps receiving what its credit allows; its buffers stay
     * queued. {@code unread}, if not null, is the rest of the buffer the reader was reading when the
     * barrier came: the gate takes ownership and hands it out first once the channel is unblocked
     * (and releases it if the gate closes first). Task thread.
     */
    default void blockChannel(int channelIndex, BufferSlice unread) {
        throw new UnsupportedOperationException("Blocking channels (barrier alignment) is not supported by " + getClass().getName());
    }

    /** Lets a blocked channel's buffers be handed out again; no-op if it is not blocked. Task thread. */
    default void unblockChannel(int channelIndex) {
        throw new UnsupportedOperationException("Blocking channels (barrier alignment) is not supported by " + getClass().getName());
    }
}
