package dev.eddy.runtime.taskmanager.task.io;

import dev.eddy.runtime.taskmanager.network.InputStatus;
import dev.eddy.runtime.taskmanager.network.StreamInputReader.DataOutput;
import java.util.concurrent.CompletableFuture;

/**
 * The task's view of one input gate's element reader. The real one wraps the network's
 * {@code StreamInputReader}; tests may plug in in-memory readers. Task thread only.
 *
 * <p>The channel methods serve barrier alignment and were added with defaults: a reader that never
 * emits barriers may keep them (it then counts as one channel that is never blocked).
 */
public interface InputReader<T> {
    /** Emits at most one element into {@code output}. */
    InputStatus emitNext(DataOutput<T> output) throws Exception;

    /** Completes when data may be available. */
    CompletableFuture<Void> getAvailableFuture();

    /** Channels of the gate; barriers and ends are reported per channel index in {@code [0, n)}. */
    default int getNumberOfChannels() {
        return 1;
    }

    /** Stops delivering {@code channel}'s elements until {@link #unblockChannel}; see StreamInputReader. */
    default void blockChannel(int channel) {
        throw new UnsupportedOperationException("Blocking channels (barrier alignment) is not supported by " + getClass().getName());
    }

    /** Resumes a blocked channel; no-op if it is not blocked. */
    default void unblockChannel(int channel) {
        throw new UnsupportedOperationException("Blocking channels (barrier alignment) is not supported by " + getClass().getName());
    }

    /**
     * The reader's per-channel watermark state, for diagnostics (task thread), or null when the
     * reader does not keep one.
     */
    default dev.eddy.runtime.taskmanager.watermark.StatusWatermarkValve getWatermarkValve() {
        return null;
    }
}
