package dev.eddy.api.connector.source;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * What a {@link SplitEnumerator} sees of the running job: the readers and a way to assign splits.
 * Called only from the enumerator's (coordinator) thread, except {@link #runInCoordinatorThread}
 * and {@link #callAsync}, which any thread may call.
 *
 * <p>Assignments and events go to registered readers only: assigning to a subtask without a
 * registered reader is an error. Delivery is asynchronous; a reader that fails before it
 * checkpointed its new splits gets them back to the enumerator through
 * {@link SplitEnumerator#addSplitsBack}.
 */
public interface SplitEnumeratorContext<SplitT extends SourceSplit> {
    /** Number of parallel readers (source subtasks). */
    int currentParallelism();

    /** The registered readers by subtask index. */
    Map<Integer, ReaderInfo> registeredReaders();

    /** Assigns splits to readers. */
    void assignSplits(SplitsAssignment<SplitT> newSplitAssignments);

    /** Assigns one split to one reader. */
    default void assignSplit(SplitT split, int subtask) {
        assignSplits(new SplitsAssignment<>(split, subtask));
    }

    /** Tells a reader no more splits will come. */
    void signalNoMoreSplits(int subtask);

    /** Sends a custom event to the reader of {@code subtaskId} ({@link SourceReader#handleSourceEvents}). */
    default void sendEventToSourceReader(int subtaskId, SourceEvent event) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot send source events to readers");
    }

    /**
     * Runs {@code callable} on a worker thread and passes its result (or failure) to
     * {@code handler} on the enumerator thread.
     */
    <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler);

    /**
     * Like {@link #callAsync(Callable, BiConsumer)}, first after {@code initialDelayMillis}, then every
     * {@code periodMillis}.
     */
    <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelayMillis, long periodMillis);

    /** Runs an action on the enumerator thread (later, as a task of its queue). Any thread. */
    void runInCoordinatorThread(Runnable runnable);
}
