package dev.eddy.runtime.jobmanager.source;

import com.google.protobuf.ByteString;
import dev.eddy.api.connector.source.Source;
import dev.eddy.api.connector.source.SourceSplit;
import dev.eddy.api.connector.source.SplitEnumerator;
import dev.eddy.core.io.SimpleVersionedSerializer;
import dev.eddy.proto.OperatorCoordinatorStateProto;
import dev.eddy.runtime.operators.coordination.OperatorEvent;
import dev.eddy.runtime.source.event.ReaderRegistrationEvent;
import dev.eddy.runtime.source.event.RequestSplitEvent;
import dev.eddy.runtime.source.event.SourceEventWrapper;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link SplitEnumerator} of one Source-API source (one per source operator of a job) on
 * the JobManager, as Flink's source coordinator does.
 *
 * <p><b>Threading.</b> The enumerator lives on this coordinator's own single thread: it is created,
 * started and called only there, never concurrently. Every public method may be called from any
 * thread (in practice the JobMaster's); it only enqueues work on the coordinator thread and
 * returns. Async calls of the enumerator run on a separate worker thread (see
 * {@link SourceCoordinatorContext}).
 *
 * <p><b>Lifecycle.</b> {@link #start} once (fresh, or from checkpointed enumerator state), then
 * events, checkpoints and resets in any order, then {@link #close()}. If the enumerator throws, the
 * coordinator is <i>failed</i>: it ignores further events, reports the failure once through
 * {@code onFailure} (the JobMaster then fails the job), and {@link #restart} recreates the
 * enumerator from the restored checkpoint.
 *
 * <p><b>Failover.</b> A restart of the job restores every reader from checkpoint {@code c}. A
 * healthy enumerator lives on: each reader attempt is unregistered when it ends, and at the
 * restart the splits assigned to each subtask after {@code c}'s coordinator snapshot go back
 * through {@code addSplitsBack(splits, subtask)}. A failed enumerator is replaced by one restored
 * from {@code c}'s enumerator state (or a fresh one when {@code c} has none).
 */
public final class SourceCoordinator<SplitT extends SourceSplit, EnumChkT> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SourceCoordinator.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String operatorUid;
    private final String operatorName;
    private final Source<?, SplitT, EnumChkT> source;
    private final ClassLoader userClassLoader;
    private final ScheduledExecutorService coordinatorExecutor;
    private final ScheduledExecutorService workerExecutor;
    private final Consumer<Throwable> onFailure;
    private final SourceCoordinatorContext<SplitT> context;
    private SplitEnumerator<SplitT, EnumChkT> enumerator;
    private boolean failed;

    /**
     * @param onFailure told (on the coordinator thread) when the enumerator failed
     */
    public SourceCoordinator(String operatorUid, String operatorName, Source<?, SplitT, EnumChkT> source, int parallelism,
            ClassLoader userClassLoader, OperatorEventSender sender, Consumer<Throwable> onFailure) {
        this.operatorUid = operatorUid;
        this.operatorName = operatorName;
        this.source = source;
        this.userClassLoader = userClassLoader;
        this.onFailure = onFailure;
        int n = THREADS.incrementAndGet();
        this.coordinatorExecutor = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "eddy-source-coordinator-" + n
                + " (" + operatorName + ")"));
        this.workerExecutor = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "eddy-source-coordinator-worker-" + n
                + " (" + operatorName + ")"));
        this.context = new SourceCoordinatorContext<>(operatorName, source, parallelism, coordinatorExecutor, workerExecutor,
                sender, this::fail);
    }

    private Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.setContextClassLoader(userClassLoader);
        return t;
    }

    public String operatorUid() {
        return operatorUid;
    }

    /** Creates and starts the enumerator, restoring {@code state} when not null. Completes when started. */
    public CompletableFuture<Void> start(OperatorCoordinatorStateProto state) {
        return call(() -> {
            createEnumerator(state);
            return null;
        });
    }

    private void createEnumerator(OperatorCoordinatorStateProto state) throws Exception {
        failed = true; // until started
        if (state == null) {
            enumerator = source.createEnumerator(context);
            LOG.info("{}: created split enumerator {}", operatorName, enumerator.getClass().getName());
        } else {
            SimpleVersionedSerializer<EnumChkT> serializer = source.getEnumeratorCheckpointSerializer();
            EnumChkT checkpoint = serializer.deserialize(state.getSerializerVersion(), state.getState().toByteArray());
            enumerator = source.restoreEnumerator(context, checkpoint);
            LOG.info("{}: restored split enumerator {} from its checkpoint", operatorName, enumerator.getClass().getName());
        }
        enumerator.start();
        failed = false;
    }

    /**
     * An event from subtask {@code subtask}'s attempt {@code attemptId} (running on {@code rpcAddress}).
     * Events of an attempt other than the registered one are dropped.
     */
    public void handleEventFromOperator(int subtask, String attemptId, String rpcAddress, OperatorEvent event) {
        run(() -> {
            if (event instanceof ReaderRegistrationEvent r) {
                context.registerReader(subtask, attemptId, rpcAddress, r.location());
                enumerator.addReader(subtask);
            } else if (!context.isRegistered(subtask, attemptId)) {
                LOG.debug("{}: dropping {} of subtask {} attempt {}: not its registered reader", operatorName,
                        event.getClass().getSimpleName(), subtask, attemptId);
            } else if (event instanceof RequestSplitEvent r) {
                enumerator.handleSplitRequest(subtask, r.hostName());
            } else if (event instanceof SourceEventWrapper w) {
                enumerator.handleSourceEvent(subtask, w.sourceEvent());
            } else {
                throw new IllegalArgumentException(operatorName + " got an unexpected " + event.getClass().getName()
                        + " from subtask " + subtask);
            }
        });
    }

    /** Subtask attempt {@code attemptId} ended (failed, cancelled or finished): its reader is unregistered. */
    public void attemptEnded(int subtask, String attemptId) {
        run(() -> context.unregisterReader(subtask, attemptId));
    }

    /**
     * The job restarts with every reader restored from checkpoint {@code restoredCheckpointId}
     * (negative: no checkpoint of this run; readers start from the job's initial state) whose
     * coordinator state for this source is {@code restoredState} (may be null).
     */
    public CompletableFuture<Void> restart(long restoredCheckpointId, OperatorCoordinatorStateProto restoredState) {
        return call(() -> {
            if (failed || enumerator == null) {
                LOG.info("{}: recreating the failed split enumerator from checkpoint {}", operatorName, restoredCheckpointId);
                closeEnumerator();
                context.reset();
                createEnumerator(restoredState);
                return null;
            }
            for (int subtask = 0; subtask < context.currentParallelism(); subtask++) {
                List<SplitT> back = context.takeAssignmentsAfter(subtask, restoredCheckpointId);
                if (!back.isEmpty()) {
                    LOG.debug("{}: {} splits of subtask {} go back to the enumerator", operatorName, back.size(), subtask);
                    enumerator.addSplitsBack(back, subtask);
                }
            }
            return null;
        });
    }

    /**
     * Snapshots the enumerator for {@code checkpointId} (see {@link SourceCoordinatorContext#onCheckpoint}).
     * Completes with the serialized state once the events sent before are delivered.
     */
    public CompletableFuture<OperatorCoordinatorStateProto> checkpoint(long checkpointId) {
        return call(() -> {
            if (failed || enumerator == null) {
                throw new IllegalStateException(operatorName + ": the split enumerator has failed; no checkpoint");
            }
            SimpleVersionedSerializer<EnumChkT> serializer = source.getEnumeratorCheckpointSerializer();
            byte[] bytes = serializer.serialize(enumerator.snapshotState(checkpointId));
            OperatorCoordinatorStateProto state = OperatorCoordinatorStateProto.newBuilder().setOperatorUid(operatorUid)
                    .setSerializerVersion(serializer.getVersion()).setState(ByteString.copyFrom(bytes)).build();
            return context.onCheckpoint(checkpointId).thenApply(v -> state);
        }).thenCompose(f -> f);
    }

    /** The trigger of {@code checkpointId} is queued at {@code subtask}: events held for it may go. */
    public void afterSourceTriggered(long checkpointId, int subtask) {
        run(() -> context.afterSourceTriggered(checkpointId, subtask));
    }

    /** A checkpoint or savepoint completed: the enumerator is notified. */
    public void checkpointComplete(long checkpointId, boolean savepoint) {
        run(() -> {
            context.onCheckpointEnded(checkpointId, !savepoint);
            if (!failed && enumerator != null) {
                enumerator.notifyCheckpointComplete(checkpointId);
            }
        });
    }

    public void checkpointAborted(long checkpointId) {
        run(() -> {
            context.onCheckpointEnded(checkpointId, false);
            if (!failed && enumerator != null) {
                enumerator.notifyCheckpointAborted(checkpointId);
            }
        });
    }

    /** Closes the enumerator and stops the coordinator's threads. Idempotent, any thread. */
    @Override
    public void close() {
        try {
            coordinatorExecutor.execute(() -> {
                closeEnumerator();
                context.cancelPeriodicCalls();
            });
        } catch (RejectedExecutionException e) {
            return;
        }
        coordinatorExecutor.shutdown();
        workerExecutor.shutdown();
        try {
            if (!coordinatorExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("{}: the split enumerator did not close within 5 s", operatorName);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workerExecutor.shutdownNow();
    }

    private void closeEnumerator() {
        if (enumerator != null) {
            try {
                enumerator.close();
            } catch (Exception e) {
                LOG.warn("{}: closing the split enumerator failed", operatorName, e);
            }
            enumerator = null;
        }
    }

    private void fail(Throwable t) {
        if (failed) {
            return;
        }
        failed = true;
        context.cancelPeriodicCalls();
        LOG.warn("{}: the split enumerator failed", operatorName, t);
        onFailure.accept(new IllegalStateException("The split enumerator of source '" + operatorName + "' failed: " + t, t));
    }

    /** Runs an action on the coordinator thread; a failure of an enumerator call fails the coordinator. */
    private void run(ThrowingRunnable action) {
        try {
            coordinatorExecutor.execute(() -> {
                if (failed || enumerator == null) {
                    return; // a failed enumerator is not called again until restart() replaces it
                }
                try {
                    action.run();
                } catch (Throwable t) {
                    fail(t);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: coordinator closed; dropping an action", operatorName);
        }
    }

    private <T> CompletableFuture<T> call(Callable<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            coordinatorExecutor.execute(() -> {
                try {
                    result.complete(action.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException(operatorName + ": the source coordinator is closed", e));
        }
        return result;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
