package dev.eddy.runtime.jobmanager.source;

import dev.eddy.api.connector.source.ReaderInfo;
import dev.eddy.api.connector.source.Source;
import dev.eddy.api.connector.source.SourceEvent;
import dev.eddy.api.connector.source.SourceSplit;
import dev.eddy.api.connector.source.SplitEnumeratorContext;
import dev.eddy.api.connector.source.SplitsAssignment;
import dev.eddy.runtime.operators.coordination.OperatorEvent;
import dev.eddy.runtime.source.event.AddSplitEvent;
import dev.eddy.runtime.source.event.NoMoreSplitsEvent;
import dev.eddy.runtime.source.event.SourceEventWrapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SplitEnumeratorContext} of one source's enumerator on the JobManager: the registered
 * readers (one per running source subtask attempt), and the outgoing event channel of each.
 *
 * <p><b>Threading.</b> Confined to the coordinator thread ({@code coordinatorExecutor}), except
 * {@link #callAsync} and {@link #runInCoordinatorThread}, which any thread may call: callables of
 * {@code callAsync} run on the single worker thread, their handlers (and every runnable) on the
 * coordinator thread. A handler that throws fails the coordinator through {@code onFailure}.
 *
 * <p><b>Event order and checkpoints.</b> Events to one subtask are sent one after the other (the
 * next after the TaskManager queued the previous one as task mail). While a checkpoint's
 * coordinator snapshot is taken but its trigger is not yet queued at a subtask, new events to that
 * subtask are held back ("closed valve"), so the task sees them after the checkpoint's barrier:
 * the enumerator snapshot and the reader snapshots then agree on who owns each split.
 */
final class SourceCoordinatorContext<SplitT extends SourceSplit> implements SplitEnumeratorContext<SplitT> {
    private static final Logger LOG = LoggerFactory.getLogger(SourceCoordinatorContext.class);

    private final String operatorName;
    private final Source<?, SplitT, ?> source;
    private final int parallelism;
    private final ScheduledExecutorService coordinatorExecutor;
    private final ScheduledExecutorService workerExecutor;
    private final OperatorEventSender sender;
    private final Consumer<Throwable> onFailure;
    private final SplitAssignmentTracker<SplitT> tracker = new SplitAssignmentTracker<>();
    private final Map<Integer, ReaderInfo> readers = new TreeMap<>();
    private final Map<Integer, Channel> channels = new LinkedHashMap<>();
    /** Checkpoints whose coordinator snapshot is taken and that have not completed or aborted yet. */
    private final Set<Long> snapshottedCheckpoints = new HashSet<>();
    private final List<java.util.concurrent.Future<?>> periodicCalls = new ArrayList<>();

    SourceCoordinatorContext(String operatorName, Source<?, SplitT, ?> source, int parallelism,
            ScheduledExecutorService coordinatorExecutor, ScheduledExecutorService workerExecutor, OperatorEventSender sender,
            Consumer<Throwable> onFailure) {
        this.operatorName = operatorName;
        this.source = source;
        this.parallelism = parallelism;
        this.coordinatorExecutor = coordinatorExecutor;
        this.workerExecutor = workerExecutor;
        this.sender = sender;
        this.onFailure = onFailure;
    }

    /** The outgoing events of one registered subtask attempt. Coordinator thread only. */
    private final class Channel {
        final int subtask;
        final String attemptId;
        final String rpcAddress;
        final Set<Long> closedFor = new HashSet<>(snapshottedCheckpoints);
        final ArrayDeque<OperatorEvent> held = new ArrayDeque<>();
        /** Sends not known to be delivered yet; the last one completes after all earlier ones. */
        final List<CompletableFuture<Boolean>> outstanding = new ArrayList<>();
        CompletableFuture<Boolean> last = CompletableFuture.completedFuture(true);

        Channel(int subtask, String attemptId, String rpcAddress) {
            this.subtask = subtask;
            this.attemptId = attemptId;
            this.rpcAddress = rpcAddress;
        }

        void send(OperatorEvent event) {
            if (!closedFor.isEmpty()) {
                held.add(event);
                return;
            }
            CompletableFuture<Boolean> next = last.handle((ok, err) -> null)
                    .thenCompose(v -> sender.send(rpcAddress, attemptId, event))
                    .handle((ok, err) -> {
                        boolean delivered = err == null && Boolean.TRUE.equals(ok);
                        if (!delivered) {
                            LOG.debug("{}: an event for subtask {} (attempt {}) was not delivered: {}", operatorName, subtask,
                                    attemptId, err != null ? err.toString() : "the attempt does not run on " + rpcAddress);
                        }
                        return delivered;
                    });
            outstanding.removeIf(f -> f.isDone() && f.join());
            outstanding.add(next);
            last = next;
        }

        void open(long checkpointId) {
            if (closedFor.remove(checkpointId) && closedFor.isEmpty()) {
                OperatorEvent e;
                while ((e = held.poll()) != null) {
                    send(e);
                }
            }
        }
    }

    // ------------------------------------------------------------------ readers (coordinator thread)

    /** A subtask attempt's reader registered (replacing an older attempt of that subtask). */
    void registerReader(int subtask, String attemptId, String rpcAddress, String location) {
        if (subtask < 0 || subtask >= parallelism) {
            throw new IllegalArgumentException(operatorName + ": reader registration of subtask " + subtask
                    + ", but the source has parallelism " + parallelism);
        }
        channels.put(subtask, new Channel(subtask, attemptId, rpcAddress));
        readers.put(subtask, new ReaderInfo(subtask, location));
    }

    /** Whether {@code attemptId} is the registered reader of {@code subtask}. */
    boolean isRegistered(int subtask, String attemptId) {
        Channel c = channels.get(subtask);
        return c != null && c.attemptId.equals(attemptId);
    }

    /** The attempt ended: its reader is gone and events still held for it are dropped. */
    void unregisterReader(int subtask, String attemptId) {
        Channel c = channels.get(subtask);
        if (c != null && c.attemptId.equals(attemptId)) {
            channels.remove(subtask);
            readers.remove(subtask);
        }
    }

    /** Splits assigned to {@code subtask} after the snapshot of {@code restoredCheckpointId}, removed from tracking. */
    List<SplitT> takeAssignmentsAfter(int subtask, long restoredCheckpointId) {
        return tracker.takeAssignmentsAfter(subtask, restoredCheckpointId);
    }

    /** The enumerator is replaced: no readers, nothing tracked, nothing held, no periodic calls. */
    void reset() {
        channels.clear();
        readers.clear();
        tracker.clear();
        snapshottedCheckpoints.clear();
        cancelPeriodicCalls();
    }

    void cancelPeriodicCalls() {
        periodicCalls.forEach(f -> f.cancel(false));
        periodicCalls.clear();
    }

    // ------------------------------------------------------------------ checkpoints (coordinator thread)

    /**
     * The enumerator snapshot of {@code checkpointId} was taken: later events are held per subtask
     * until its trigger is queued there. Completes when every event sent before is delivered;
     * fails if one was not (the reader state of this checkpoint could miss its splits).
     */
    CompletableFuture<Void> onCheckpoint(long checkpointId) {
        tracker.onCheckpoint(checkpointId);
        snapshottedCheckpoints.add(checkpointId);
        List<CompletableFuture<Boolean>> pending = new ArrayList<>();
        for (Channel c : channels.values()) {
            c.closedFor.add(checkpointId);
            pending.addAll(c.outstanding);
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).thenRun(() -> {
            for (CompletableFuture<Boolean> f : pending) {
                if (!f.join()) {
                    throw new IllegalStateException(operatorName + ": an event sent to a source reader before checkpoint "
                            + checkpointId + " was not delivered, so the readers' state could miss splits");
                }
            }
        });
    }

    void afterSourceTriggered(long checkpointId, int subtask) {
        Channel c = channels.get(subtask);
        if (c != null) {
            c.open(checkpointId);
        }
    }

    void onCheckpointEnded(long checkpointId, boolean completedCheckpoint) {
        snapshottedCheckpoints.remove(checkpointId);
        if (completedCheckpoint) {
            tracker.onCheckpointComplete(checkpointId);
        }
        for (Channel c : List.copyOf(channels.values())) {
            c.open(checkpointId);
        }
    }

    // ------------------------------------------------------------------ SplitEnumeratorContext

    @Override
    public int currentParallelism() {
        return parallelism;
    }

    @Override
    public Map<Integer, ReaderInfo> registeredReaders() {
        return Collections.unmodifiableMap(new TreeMap<>(readers));
    }

    @Override
    public void assignSplits(SplitsAssignment<SplitT> newSplitAssignments) {
        Map<Integer, List<SplitT>> assignment = newSplitAssignments.assignment();
        for (Integer subtask : assignment.keySet()) {
            requireRegistered(subtask, "assign splits to");
        }
        assignment.forEach((subtask, splits) -> {
            if (splits.isEmpty()) {
                return;
            }
            AddSplitEvent event;
            try {
                event = AddSplitEvent.of(splits, source.getSplitSerializer());
            } catch (IOException e) {
                throw new UncheckedIOException(operatorName + ": could not serialize splits " + splits + " for subtask " + subtask, e);
            }
            tracker.recordAssignment(subtask, splits);
            channels.get(subtask).send(event);
        });
    }

    @Override
    public void signalNoMoreSplits(int subtask) {
        requireRegistered(subtask, "signal no more splits to");
        channels.get(subtask).send(new NoMoreSplitsEvent());
    }

    @Override
    public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
        requireRegistered(subtaskId, "send a source event to");
        channels.get(subtaskId).send(new SourceEventWrapper(event));
    }

    private void requireRegistered(Integer subtask, String what) {
        if (subtask == null || !channels.containsKey(subtask)) {
            throw new IllegalArgumentException(operatorName + ": cannot " + what + " subtask " + subtask
                    + ": it has no registered reader (registered: " + readers.keySet() + ", parallelism " + parallelism
                    + "); assign only to readers in registeredReaders()");
        }
    }

    @Override
    public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
        try {
            workerExecutor.execute(() -> callAndHandle(callable, handler));
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: coordinator closed; dropping an async call", operatorName);
        }
    }

    @Override
    public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelayMillis, long periodMillis) {
        if (periodMillis <= 0) {
            throw new IllegalArgumentException("callAsync period must be positive, was " + periodMillis + " ms");
        }
        try {
            periodicCalls.add(workerExecutor.scheduleAtFixedRate(() -> callAndHandle(callable, handler),
                    Math.max(0, initialDelayMillis), periodMillis, TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: coordinator closed; dropping a periodic async call", operatorName);
        }
    }

    /** Worker thread: runs the callable, then hands its outcome to the coordinator thread. */
    private <T> void callAndHandle(Callable<T> callable, BiConsumer<T, Throwable> handler) {
        T result = null;
        Throwable failure = null;
        try {
            result = callable.call();
        } catch (Throwable t) {
            failure = t;
        }
        T r = result;
        Throwable f = failure;
        runInCoordinatorThread(() -> handler.accept(r, f));
    }

    @Override
    public void runInCoordinatorThread(Runnable runnable) {
        try {
            coordinatorExecutor.execute(() -> {
                try {
                    runnable.run();
                } catch (Throwable t) {
                    onFailure.accept(t);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: coordinator closed; dropping an action", operatorName);
        }
    }
}
