package dev.eddy.streaming.api.operators.source;

import dev.eddy.api.connector.source.ReaderInfo;
import dev.eddy.api.connector.source.SourceReader;
import dev.eddy.api.connector.source.SourceSplit;
import dev.eddy.api.connector.source.SplitEnumeratorContext;
import dev.eddy.api.connector.source.SplitsAssignment;
import dev.eddy.streaming.api.operators.ProcessingTimeService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BiConsumer;

/**
 * The context of an enumerator that runs inside one source subtask (see
 * {@link SourceReaderOperator}). Every subtask is a registered reader, but only assignments to the
 * local subtask reach a reader; the others are dropped, because the copy of the enumerator in that
 * other subtask makes the same assignment there.
 *
 * <p>After a restore, splits whose id was handed to any reader before the checkpoint are never
 * handed out again (they are finished, or live on in some reader's restored split state): the
 * enumerator itself is always created fresh, so this filter is what keeps it from repeating work.
 *
 * <p>Threading: task thread only. "Async" calls run on the task thread too: one-off calls are
 * queued and run by the operator between polls ({@link #runPendingActions()}), periodic calls run
 * from processing-time timers (which the task delivers as mail).
 */
final class LocalSplitEnumeratorContext<SplitT extends SourceSplit> implements SplitEnumeratorContext<SplitT> {
    private final int subtaskIndex;
    private final int parallelism;
    private final SourceReader<?, SplitT> localReader;
    private final ProcessingTimeService timeService;
    private final Map<Integer, ReaderInfo> readers;
    private final ArrayDeque<Runnable> pendingActions = new ArrayDeque<>();
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    /** Ids of splits handed out before the restored checkpoint (by any subtask): never handed out again. */
    private final Set<String> assignedBeforeRestore;
    /** Ids of the splits this context gave the local reader (for the next checkpoint). */
    private final Set<String> assignedToLocalReader = new LinkedHashSet<>();
    private boolean noMoreSplitsSignalled;
    private boolean closed;

    LocalSplitEnumeratorContext(int subtaskIndex, int parallelism, String location, SourceReader<?, SplitT> localReader,
            ProcessingTimeService timeService, Set<String> assignedBeforeRestore) {
        this.assignedBeforeRestore = assignedBeforeRestore;
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
        this.localReader = localReader;
        this.timeService = timeService;
        Map<Integer, ReaderInfo> all = new LinkedHashMap<>();
        for (int i = 0; i < parallelism; i++) {
            all.put(i, new ReaderInfo(i, location));
        }
        this.readers = Collections.unmodifiableMap(all);
    }

    @Override
    public int currentParallelism() {
        return parallelism;
    }

    @Override
    public Map<Integer, ReaderInfo> registeredReaders() {
        return readers;
    }

    @Override
    public void assignSplits(SplitsAssignment<SplitT> newSplitAssignments) {
        for (Integer subtask : newSplitAssignments.assignment().keySet()) {
            if (subtask == null || subtask < 0 || subtask >= parallelism) {
                throw new IllegalArgumentException("Split assignment to subtask " + subtask
                        + ", but the source has parallelism " + parallelism + ": assign only to registered readers");
            }
        }
        List<SplitT> mine = newSplitAssignments.assignment().get(subtaskIndex);
        if (mine == null) {
            return;
        }
        List<SplitT> fresh = new ArrayList<>(mine.size());
        for (SplitT split : mine) {
            if (!assignedBeforeRestore.contains(split.splitId()) && assignedToLocalReader.add(split.splitId())) {
                fresh.add(split);
            }
        }
        if (!fresh.isEmpty()) {
            localReader.addSplits(fresh);
        }
    }

    @Override
    public void signalNoMoreSplits(int subtask) {
        if (subtask == subtaskIndex) {
            noMoreSplitsSignalled = true;
            localReader.notifyNoMoreSplits();
        }
    }

    /** Ids of all splits this context handed to the local reader. */
    Set<String> assignedToLocalReader() {
        return assignedToLocalReader;
    }

    /** True once the enumerator said no more splits will come to the local reader. */
    boolean noMoreSplitsSignalled() {
        return noMoreSplitsSignalled;
    }

    @Override
    public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
        pendingActions.add(() -> call(callable, handler));
    }

    @Override
    public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelayMillis,
            long periodMillis) {
        if (periodMillis <= 0) {
            throw new IllegalArgumentException("callAsync period must be positive, was " + periodMillis + " ms");
        }
        schedule(timeService.getCurrentProcessingTime() + Math.max(0, initialDelayMillis), periodMillis, callable, handler);
    }

    private <T> void schedule(long time, long periodMillis, Callable<T> callable, BiConsumer<T, Throwable> handler) {
        timers.add(timeService.registerTimer(time, firedAt -> {
            if (!closed) {
                call(callable, handler);
                schedule(Math.max(firedAt, time) + periodMillis, periodMillis, callable, handler);
            }
        }));
        timers.removeIf(ScheduledFuture::isDone);
    }

    private static <T> void call(Callable<T> callable, BiConsumer<T, Throwable> handler) {
        T result = null;
        Throwable failure = null;
        try {
            result = callable.call();
        } catch (Throwable t) {
            failure = t;
        }
        handler.accept(result, failure);
    }

    @Override
    public void runInCoordinatorThread(Runnable runnable) {
        pendingActions.add(runnable);
    }

    /** Queues an action for the enumerator (used for split requests of the local reader). */
    void enqueue(Runnable action) {
        pendingActions.add(action);
    }

    boolean hasPendingActions() {
        return !pendingActions.isEmpty();
    }

    /** Runs queued enumerator actions, including ones they queue in turn. */
    void runPendingActions() {
        Runnable next;
        while (!closed && (next = pendingActions.poll()) != null) {
            next.run();
        }
    }

    void close() {
        closed = true;
        pendingActions.clear();
        for (ScheduledFuture<?> timer : timers) {
            timer.cancel(false);
        }
        timers.clear();
    }
}
