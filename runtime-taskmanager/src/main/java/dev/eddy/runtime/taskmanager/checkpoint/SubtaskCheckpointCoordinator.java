package dev.eddy.runtime.taskmanager.checkpoint;

import dev.eddy.proto.AcknowledgeCheckpointRequest;
import dev.eddy.proto.DeclineCheckpointRequest;
import dev.eddy.proto.KeyGroupsStateHandleProto;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.proto.OperatorStatePartProto;
import dev.eddy.proto.OperatorSubtaskStateProto;
import dev.eddy.proto.TaskStateSnapshotProto;
import dev.eddy.runtime.gateway.JobMasterGateway;
import dev.eddy.runtime.taskmanager.task.chain.OperatorChain;
import dev.eddy.runtime.taskmanager.task.io.OutputWriter;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one subtask's part of each checkpoint. On the task thread, between records:
 * {@code prepareSnapshotPreBarrier} on every operator, the barrier to every output, then the
 * synchronous part of every operator's snapshot. The asynchronous parts (file writes) run on the
 * TaskManager's async snapshot executor while records keep flowing; when all are done the
 * JobMaster gets an acknowledgement with the state handles. Any failure declines the checkpoint
 * (the task keeps running; the coordinator decides whether the job fails).
 *
 * <p>Threading: {@link #checkpoint}, {@link #abort}, {@link #notifyComplete} and
 * {@link #notifyAborted} on the task thread only; the async part touches nothing of the task but
 * the snapshot it was given and the JobMaster gateway (thread-safe).
 */
public final class SubtaskCheckpointCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(SubtaskCheckpointCoordinator.class);

    private final String jobId;
    private final String attemptId;
    private final String taskName;
    private final OperatorChain chain;
    private final List<? extends OutputWriter<?>> writers;
    private final JobMasterGateway jobMaster;
    private final Executor asyncExecutor;
    private final BooleanSupplier taskRunning;
    private long lastCheckpointId = -1;

    /**
     * @param writers the task's network writers (null entries ignored)
     * @param taskRunning false once the task is being cancelled: async parts then skip the ack
     */
    public SubtaskCheckpointCoordinator(String jobId, String attemptId, String taskName, OperatorChain chain,
            List<? extends OutputWriter<?>> writers, JobMasterGateway jobMaster, Executor asyncExecutor, BooleanSupplier taskRunning) {
        this.jobId = jobId;
        this.attemptId = attemptId;
        this.taskName = taskName;
        this.chain = chain;
        this.writers = writers;
        this.jobMaster = jobMaster;
        this.asyncExecutor = asyncExecutor;
        this.taskRunning = taskRunning;
    }

    /** Takes this subtask's snapshot for {@code barrier} and forwards the barrier. Task thread. */
    public void checkpoint(CheckpointBarrier barrier, long alignmentNanos) throws Exception {
        long id = barrier.id();
        if (id <= lastCheckpointId) {
            LOG.debug("{}: ignoring barrier {} (already at {})", taskName, id, lastCheckpointId);
            return;
        }
        lastCheckpointId = id;
        long syncStart = System.nanoTime();
        List<AsyncSnapshot<OperatorSubtaskStateProto>> parts;
        try {
            chain.prepareSnapshotPreBarrier(id);
            for (OutputWriter<?> w : writers) {
                if (w != null) {
                    w.broadcastBarrier(barrier);
                }
            }
            parts = chain.snapshotState(id, barrier.timestamp(), barrier.options(), CheckpointStreamFactory.forOptions(barrier.options()));
        } catch (Exception e) {
            LOG.warn("{}: the synchronous part of checkpoint {} failed", taskName, id, e);
            decline(id, "The synchronous part of the snapshot of " + taskName + " failed: " + describe(e));
            return;
        }
        long syncMillis = (System.nanoTime() - syncStart) / 1_000_000;
        long alignmentMillis = alignmentNanos / 1_000_000;
        Runnable async = () -> runAsyncPart(id, parts, syncMillis, alignmentMillis);
        try {
            asyncExecutor.execute(async);
        } catch (RejectedExecutionException e) {
            parts.forEach(AsyncSnapshot::discard);
            decline(id, "The async snapshot executor of the TaskManager is shut down");
        }
    }

    private void runAsyncPart(long id, List<AsyncSnapshot<OperatorSubtaskStateProto>> parts,
            long syncMillis, long alignmentMillis) {
        long start = System.nanoTime();
        TaskStateSnapshotProto.Builder state = TaskStateSnapshotProto.newBuilder();
        long bytes = 0;
        try {
            for (int i = 0; i < parts.size(); i++) {
                OperatorSubtaskStateProto s = parts.get(i).run();
                if (s != null) {
                    state.addOperators(s);
                    bytes += bytesOf(s);
                }
            }
        } catch (Throwable e) {
            for (int i = 0; i < parts.size(); i++) {
                parts.get(i).discard();
            }
            LOG.warn("{}: the asynchronous part of checkpoint {} failed", taskName, id, e);
            decline(id, "The asynchronous part of the snapshot of " + taskName + " failed: " + describe(e));
            return;
        }
        if (!taskRunning.getAsBoolean()) {
            LOG.debug("{}: not acknowledging checkpoint {}: the task is ending", taskName, id);
            return;
        }
        long asyncMillis = (System.nanoTime() - start) / 1_000_000;
        AcknowledgeCheckpointRequest ack = AcknowledgeCheckpointRequest.newBuilder().setJobId(jobId).setExecutionAttemptId(attemptId)
                .setCheckpointId(id).setState(state).setSyncDurationMillis(syncMillis).setAsyncDurationMillis(asyncMillis)
                .setAlignmentDurationMillis(alignmentMillis).setBytesWritten(bytes).build();
        jobMaster.acknowledgeCheckpoint(ack).whenComplete((a, err) -> {
            if (err != null) {
                LOG.warn("{}: could not acknowledge checkpoint {}: {}", taskName, id, err.toString());
            } else if (!a.getOk()) {
                LOG.debug("{}: acknowledgement of checkpoint {} not taken: {}", taskName, id, a.getMessage());
            }
        });
    }

    /** The inputs or the trigger aborted checkpoint {@code id}: tell downstream and the JobMaster. Task thread. */
    public void abort(long id, String reason) throws Exception {
        if (id > lastCheckpointId) {
            lastCheckpointId = id;
        }
        for (OutputWriter<?> w : writers) {
            if (w != null) {
                w.broadcastCancelMarker(new CancelCheckpointMarker(id));
            }
        }
        decline(id, taskName + ": " + reason);
    }

    /** Task thread (via mail). */
    public void notifyComplete(long id) throws Exception {
        chain.notifyCheckpointComplete(id);
    }

    /** Task thread (via mail). */
    public void notifyAborted(long id) throws Exception {
        chain.notifyCheckpointAborted(id);
    }

    private void decline(long id, String reason) {
        DeclineCheckpointRequest req = DeclineCheckpointRequest.newBuilder().setJobId(jobId).setExecutionAttemptId(attemptId)
                .setCheckpointId(id).setReason(reason).build();
        jobMaster.declineCheckpoint(req).whenComplete((a, err) -> {
            if (err != null) {
                LOG.warn("{}: could not decline checkpoint {}: {}", taskName, id, err.toString());
            }
        });
    }

    /** Bytes this subtask wrote: canonical files and new incremental files, plus inline operator state. */
    static long bytesOf(OperatorSubtaskStateProto s) {
        long n = 0;
        for (KeyedStateHandleProto k : s.getManagedKeyedList()) {
            n += k.hasKeyGroups() ? k.getKeyGroups().getSize() : k.getIncremental().getIncrementalSize();
        }
        for (KeyGroupsStateHandleProto r : s.getRawKeyedList()) {
            n += r.getSize();
        }
        for (OperatorStatePartProto p : s.getOperatorStateList()) {
            for (int i = 0; i < p.getElementsCount(); i++) {
                n += p.getElements(i).size();
            }
        }
        return n;
    }

    private static String describe(Throwable e) {
        return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
