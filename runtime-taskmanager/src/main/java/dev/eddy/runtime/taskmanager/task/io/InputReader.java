package dev.eddy.runtime.taskmanager.task.io;

import dev.eddy.runtime.taskmanager.network.InputStatus;
import dev.eddy.runtime.taskmanager.network.StreamInputReader.DataOutput;
import java.util.concurrent.CompletableFuture;

/**
 * The task's view of one input gate's element reader. The real one wraps the network's
 * {@code StreamInputReader}; tests may plug in in-memory readers. Task thread only.
 */
public interface InputReader<T> {
    /** Emits at most one element into {@code output}. */
    InputStatus emitNext(DataOutput<T> output) throws Exception;

    /** Completes when data may be available. */
    CompletableFuture<Void> getAvailableFuture();
}
