package dev.eddy.api.connector.source;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * What a {@link SplitEnumerator} sees of the running job: the readers and a way to assign splits.
 * Called only from the enumerator's thread.
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

    /**
     * Runs {@code callable} and passes its result (or failure) to {@code handler} on the
     * enumerator thread.
     */
    <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler);

    /**
     * Like {@link #callAsync(Callable, BiConsumer)}, first after {@code initialDelayMillis}, then every
     * {@code periodMillis}.
     */
    <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelayMillis, long periodMillis);

    /** Runs an action on the enumerator thread. */
    void runInCoordinatorThread(Runnable runnable);
}
