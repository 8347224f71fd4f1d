package dev.eddy.runtime.jobmanager.checkpoint;

import dev.eddy.proto.Ack;
import dev.eddy.proto.AcknowledgeCheckpointRequest;
import dev.eddy.proto.CheckpointNotificationRequest;
import dev.eddy.proto.CheckpointOptionsProto;
import dev.eddy.proto.DeclineCheckpointRequest;
import dev.eddy.proto.JobVertexProto;
import dev.eddy.proto.OperatorCoordinatorStateProto;
import dev.eddy.proto.TaskRestoreProto;
import dev.eddy.proto.TriggerCheckpointRequest;
import dev.eddy.runtime.gateway.TaskExecutorGateway;
import dev.eddy.runtime.jobmanager.checkpoint.PendingCheckpoint.TaskRef;
import dev.eddy.runtime.jobmanager.jobmaster.Execution;
import dev.eddy.runtime.jobmanager.jobmaster.ExecutionGraph;
import dev.eddy.runtime.jobmanager.jobmaster.ExecutionState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triggers, collects and completes the checkpoints and savepoints of one job.
 *
 * <p>Threading: confined to the JobMaster's single-threaded executor. Every public method must be
 * called on it; gateway replies and timers hop back onto it. Lifecycle: the JobMaster calls
 * {@link #onJobRunning()} when (re)deployed and {@link #onJobNotRunning(String)} when it leaves
 * RUNNING (failure, restart, cancel, end), which stops the periodic timer and aborts what is pending,
 * and {@link #onJobTerminal(String)} at the end (checkpoint retention). Restore: {@link #loadInitialState()}
 * at the first start, {@link #stateForRestart()} at each restart.
 *
 * <p>A checkpoint: a TriggerCheckpointRequest goes to every execution of every source vertex (no in
 * edges); every execution of the job must acknowledge. A not-ok trigger reply, a decline or the
 * timeout aborts it (tasks are notified with completed=false, its directory is deleted); more than
 * {@code tolerable-failed-checkpoints} consecutive periodic failures call the job failure handler.
 * All acknowledged: {@code _metadata} is written, the checkpoint goes into the
 * {@link CompletedCheckpointStore} (savepoints do not), tasks are notified with completed=true,
 * and the checkpoint's completion future completes once the TaskManagers took the notification.
 * Writing {@code _metadata} and deleting subsumed checkpoints happen on the JobMaster's thread
 * (small files; a slow shared file system delays the JobMaster by that much).
 */
public final class CheckpointCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);
    private static final int STATS_KEPT = 20;
    private static final long NOTIFY_WAIT_SECONDS = 10;

    private final String jobId;
    private final CheckpointSettings settings;
    private final ExecutionGraph graph;
    private final Function<String, TaskExecutorGateway> taskExecutors;
    private final ScheduledExecutorService executor;
    private final Consumer<String> failJob;
    private final LongSupplier clock;
    private final CompletedCheckpointStore store;
    private final TreeMap<Long, PendingCheckpoint> pending = new TreeMap<>();
    private final Deque<CheckpointStats> stats = new ArrayDeque<>();
    private long nextCheckpointId = 1;
    private int consecutiveFailures;
    private long lastCompletionMillis = Long.MIN_VALUE;
    private ScheduledFuture<?> periodicTimer;
    private Map<String, List<TaskRestoreProto>> initialAssignment = Map.of();
    private final OperatorCoordinatorCheckpoints coordinators;
    private Map<String, OperatorCoordinatorStateProto> initialCoordinatorStates = Map.of();
    private Map<String, OperatorCoordinatorStateProto> restoredCoordinatorStates = Map.of();
    private long restoredCheckpointId = -1;

    /**
     * @param failJob called on the executor when the tolerable checkpoint failures are exceeded;
     *                the JobMaster fails the job through its restart strategy
     */
    public CheckpointCoordinator(String jobId, CheckpointSettings settings, ExecutionGraph graph,
            Function<String, TaskExecutorGateway> taskExecutors, ScheduledExecutorService executor,
            Consumer<String> failJob, LongSupplier clock) {
        this(jobId, settings, graph, taskExecutors, executor, failJob, clock, OperatorCoordinatorCheckpoints.NONE);
    }

    /**
     * @param coordinators the job's operator coordinators (source split enumerators): each
     *                     checkpoint snapshots them before it triggers the sources
     */
    public CheckpointCoordinator(String jobId, CheckpointSettings settings, ExecutionGraph graph,
            Function<String, TaskExecutorGateway> taskExecutors, ScheduledExecutorService executor,
            Consumer<String> failJob, LongSupplier clock, OperatorCoordinatorCheckpoints coordinators) {
        this.coordinators = coordinators;
        this.jobId = jobId;
        this.settings = settings;
        this.graph = graph;
        this.taskExecutors = taskExecutors;
        this.executor = executor;
        this.failJob = failJob;
        this.clock = clock;
        this.store = new CompletedCheckpointStore(settings.numRetained(), settings.jobDirectory(jobId).resolve("shared"));
    }

    public CheckpointSettings settings() {
        return settings;
    }

    public CompletedCheckpointStore store() {
        return store;
    }

    /** The last completed checkpoints and savepoints, oldest first (at most 20). */
    public List<CheckpointStats> stats() {
        return List.copyOf(stats);
    }

    public int numberOfPendingCheckpoints() {
        return pending.size();
    }

    /** Checkpoint ids continue after a restored one. */
    public void restoredFrom(long checkpointId) {
        nextCheckpointId = Math.max(nextCheckpointId, checkpointId + 1);
    }

    // ------------------------------------------------------------------ restore

    /**
     * At the job's first start: reads the savepoint or checkpoint of {@code savepoint_path} /
     * {@code execution.state-recovery.path} (if set) and assigns its state to the subtasks.
     *
     * @return vertex id → restore descriptor per subtask; empty when there is nothing to restore
     * @throws IllegalArgumentException if the path is bad or the state does not fit the job
     */
    public Map<String, List<TaskRestoreProto>> loadInitialState() {
        if (settings.restorePath() == null) {
            return Map.of();
        }
        MetadataIO.Loaded loaded = MetadataIO.read(settings.restorePath());
        initialAssignment = StateAssignment.assign(loaded.metadata(), loaded.baseDirectory(), targets(), settings.allowNonRestoredState());
        initialCoordinatorStates = coordinatorStates(loaded.metadata());
        restoredCoordinatorStates = initialCoordinatorStates;
        restoredFrom(loaded.metadata().getCheckpointId());
        LOG.info("Job {} restores from {} {} at {}", jobId, loaded.metadata().getSavepoint() ? "savepoint" : "checkpoint",
                loaded.metadata().getCheckpointId(), loaded.baseDirectory());
        return initialAssignment;
    }

    /** At a restart: the latest completed checkpoint's state, else what the job first started from (maybe nothing). */
    public Map<String, List<TaskRestoreProto>> stateForRestart() {
        Optional<CompletedCheckpoint> latest = store.latest();
        if (latest.isEmpty()) {
            restoredCheckpointId = -1;
            restoredCoordinatorStates = initialCoordinatorStates;
            return initialAssignment;
        }
        restoredCheckpointId = latest.get().checkpointId();
        restoredCoordinatorStates = coordinatorStates(latest.get().metadata());
        LOG.info("Job {} restores from checkpoint {} at {}", jobId, latest.get().checkpointId(), latest.get().directory());
        return StateAssignment.assign(latest.get().metadata(), latest.get().directory(), targets(), true);
    }

    /**
     * The operator coordinators' states of what the last {@link #loadInitialState()} or
     * {@link #stateForRestart()} restored, by operator uid (empty: none).
     */
    public Map<String, OperatorCoordinatorStateProto> restoredCoordinatorStates() {
        return restoredCoordinatorStates;
    }

    /**
     * The id of the checkpoint of this run the last {@link #stateForRestart()} restored, or -1 when
     * it restored the job's initial state (nothing, or the savepoint it started from).
     */
    public long restoredCheckpointId() {
        return restoredCheckpointId;
    }

    private Map<String, OperatorCoordinatorStateProto> coordinatorStates(dev.eddy.proto.CheckpointMetadataProto metadata) {
        Map<String, OperatorCoordinatorStateProto> states = new java.util.HashMap<>();
        java.util.Set<String> uids = new java.util.HashSet<>();
        graph.vertices().forEach(v -> uids.addAll(v.getOperatorUidsList()));
        for (OperatorCoordinatorStateProto s : metadata.getCoordinatorStatesList()) {
            if (!uids.contains(s.getOperatorUid()) && !settings.allowNonRestoredState()) {
                throw new IllegalArgumentException("The checkpoint holds split enumerator state of operator uid '"
                        + s.getOperatorUid() + "', which is not in this job; set allowNonRestoredState to skip it");
            }
            states.put(s.getOperatorUid(), s);
        }
        return states;
    }

    private List<StateAssignment.Target> targets() {
        List<StateAssignment.Target> targets = new ArrayList<>();
        for (JobVertexProto v : graph.vertices()) {
            targets.add(new StateAssignment.Target(v.getId(), v.getName(), v.getParallelism(), v.getMaxParallelism(),
                    v.getOperatorUidsList()));
        }
        return targets;
    }

    // ------------------------------------------------------------------ lifecycle

    /** The job is RUNNING (deployed): start periodic checkpoints if configured. */
    public void onJobRunning() {
        if (settings.periodic() && periodicTimer == null) {
            long interval = settings.interval().toMillis();
            periodicTimer = executor.scheduleAtFixedRate(this::onTimer, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    /** The job left RUNNING: stop the timer and abort pending checkpoints (not counted as failures). */
    public void onJobNotRunning(String reason) {
        if (periodicTimer != null) {
            periodicTimer.cancel(false);
            periodicTimer = null;
        }
        for (PendingCheckpoint p : List.copyOf(pending.values())) {
            abort(p, "the job is no longer running: " + reason, false);
        }
    }

    /**
     * The job reached its final state (FINISHED, CANCELED or FAILED): abort what is pending and,
     * per {@code externalized-checkpoint-retention}, delete the retained checkpoints and the job's
     * checkpoint directory if that leaves it empty. Savepoints are never deleted.
     */
    public void onJobTerminal(String finalState) {
        onJobNotRunning("it is " + finalState);
        if (!settings.retention().discardsOn(finalState) || store.latest().isEmpty()) {
            if (store.latest().isPresent()) {
                LOG.info("Job {} is {}; keeping its checkpoint {} at {} ({})", jobId, finalState, store.latest().get().checkpointId(),
                        store.latest().get().directory(), settings.retention());
            }
            return;
        }
        store.discardAll();
        Path jobDir = settings.jobDirectory(jobId);
        for (Path dir : List.of(jobDir.resolve("shared"), jobDir)) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                LOG.debug("Leaving checkpoint directory {}: {}", dir, e.toString());
            }
        }
    }

    /**
     * A task finished: a pending checkpoint still waiting for it can never complete; it is aborted
     * (not counted as a failure). Later checkpoints leave the finished task out.
     */
    public void onExecutionFinished(String attemptId) {
        for (PendingCheckpoint p : List.copyOf(pending.values())) {
            if (p.isAwaiting(attemptId)) {
                abort(p, "a task finished before acknowledging it", false);
            }
        }
    }

    private void onTimer() {
        try {
            triggerPeriodicIfPossible();
        } catch (RuntimeException e) {
            LOG.error("Unexpected error triggering a checkpoint of job {}", jobId, e);
        }
    }

    /** Triggers a periodic checkpoint unless tasks are not all running, too many are pending, or the min pause is not over. */
    public Optional<PendingCheckpoint> triggerPeriodicIfPossible() {
        if (!canCheckpoint()) {
            LOG.debug("Job {}: tasks are not running (or every source has finished); skipping a checkpoint", jobId);
            return Optional.empty();
        }
        if (pending.size() >= settings.maxConcurrent()) {
            LOG.debug("Job {}: {} checkpoints in progress; skipping a checkpoint", jobId, pending.size());
            return Optional.empty();
        }
        if (lastCompletionMillis != Long.MIN_VALUE && clock.getAsLong() - lastCompletionMillis < settings.minPause().toMillis()) {
            return Optional.empty();
        }
        Path dir = settings.jobDirectory(jobId).resolve("chk-" + nextCheckpointId);
        CheckpointOptionsProto options = CheckpointOptionsProto.newBuilder().setExactlyOnce(settings.exactlyOnce())
                .setTargetDirectory(dir.toString())
                .setSharedDirectory(settings.jobDirectory(jobId).resolve("shared").toString()).build();
        return Optional.of(trigger(options, dir));
    }

    /**
     * Triggers a savepoint into {@code <dir>/savepoint-<jobId6>-<random>} ({@code dir} empty: the
     * configured savepoint dir). Savepoints ignore max-concurrent and min-pause.
     *
     * @return completes with the completed savepoint; fails if it cannot be taken or is aborted
     */
    public CompletableFuture<CompletedCheckpoint> triggerSavepoint(String targetDirectory, boolean stop) {
        String base = targetDirectory == null || targetDirectory.isBlank() ? settings.savepointDir() : targetDirectory;
        if (base == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "No savepoint directory: pass one or set execution.checkpointing.savepoint-dir"));
        }
        if (!canCheckpoint()) {
            return CompletableFuture.failedFuture(new IllegalStateException("Cannot take a savepoint of job " + jobId
                    + ": not all of its tasks are running; try again once the job is running"));
        }
        String name = "savepoint-" + jobId.substring(0, Math.min(6, jobId.length())) + "-"
                + HexFormat.of().formatHex(randomBytes(6));
        Path dir = StoragePaths.toPath(base).resolve(name);
        CheckpointOptionsProto options = CheckpointOptionsProto.newBuilder().setSavepoint(true).setExactlyOnce(true)
                .setTargetDirectory(dir.toString()).setSynchronousStop(stop).build();
        return trigger(options, dir).completion();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    private PendingCheckpoint trigger(CheckpointOptionsProto options, Path dir) {
        long id = nextCheckpointId++;
        long now = clock.getAsLong();
        List<TaskRef> tasks = new ArrayList<>();
        List<Execution> sources = new ArrayList<>();
        for (Execution e : graph.allExecutions()) {
            if (e.state() == ExecutionState.FINISHED) {
                continue; // a finished task has no state left to snapshot; on restore it starts restored and empty
            }
            tasks.add(new TaskRef(e.attemptId(), e.vertex(), e.subtaskIndex(), e.slot().rpcAddress()));
            if (isSource(e.vertex())) {
                sources.add(e);
            }
        }
        PendingCheckpoint p = new PendingCheckpoint(id, now, options, dir, tasks);
        pending.put(id, p);
        try {
            Files.createDirectories(dir);
            if (!options.getSharedDirectory().isEmpty()) {
                Files.createDirectories(Path.of(options.getSharedDirectory()));
            }
        } catch (IOException e) {
            abort(p, "could not create its directory " + dir + ": " + e, true);
            return p;
        }
        p.setTimeout(executor.schedule(() -> onTimeout(id), settings.timeout().toMillis(), TimeUnit.MILLISECONDS));
        LOG.debug("Triggering {} {} of job {} into {}", kind(p), id, jobId, dir);
        CompletableFuture<List<OperatorCoordinatorStateProto>> coordinatorStates;
        try {
            coordinatorStates = coordinators.checkpointCoordinators(id);
        } catch (RuntimeException e) {
            coordinatorStates = CompletableFuture.failedFuture(e);
        }
        if (coordinatorStates.isDone() && !coordinatorStates.isCompletedExceptionally()) {
            p.setCoordinatorStates(coordinatorStates.join());
            triggerSources(p, sources);
        } else {
            coordinatorStates.whenComplete((states, err) -> runAsync(() -> {
                if (pending.get(id) != p) {
                    return; // aborted meanwhile
                }
                if (err != null) {
                    abort(p, "its operator coordinators (split enumerators) could not be snapshotted: " + unwrap(err), true);
                    return;
                }
                p.setCoordinatorStates(states);
                triggerSources(p, sources);
            }));
        }
        return p;
    }

    /** Sends the trigger to every source task (after the operator coordinators were snapshotted). */
    private void triggerSources(PendingCheckpoint p, List<Execution> sources) {
        long id = p.checkpointId();
        for (Execution source : sources) {
            TriggerCheckpointRequest request = TriggerCheckpointRequest.newBuilder().setExecutionAttemptId(source.attemptId())
                    .setCheckpointId(id).setTimestamp(p.timestamp()).setOptions(p.options()).build();
            CompletableFuture<Ack> reply;
            try {
                reply = taskExecutors.apply(source.slot().rpcAddress()).triggerCheckpoint(request);
            } catch (RuntimeException ex) {
                reply = CompletableFuture.failedFuture(ex);
            }
            reply.whenComplete((ack, err) -> runAsync(() -> {
                if (err == null && ack.getOk()) {
                    coordinators.afterSourceTriggered(id, source.vertex().getId(), source.subtaskIndex());
                    return;
                }
                PendingCheckpoint still = pending.get(id);
                if (still != null) {
                    String why = err != null ? String.valueOf(unwrap(err)) : ack.getMessage();
                    // Not a checkpoint failure (as in Flink): the source had already ended (a bounded
                    // source finishing while the trigger was on its way) or is failing, which the
                    // job's failover handles; counting it would restart a healthy job.
                    abort(still, "task " + source.taskNameWithSubtask() + " could not start it: " + why, false);
                }
            }));
        }
    }

    /**
     * Every task is RUNNING or FINISHED and some source still runs. Like Flink 2.x, checkpoints go on
     * after some tasks finished (e.g. a source subtask without splits): the finished ones are left
     * out, their channels count as aligned downstream, and they restore empty.
     */
    private boolean canCheckpoint() {
        boolean runningSource = false;
        for (Execution e : graph.allExecutions()) {
            if (e.state() == ExecutionState.RUNNING) {
                runningSource |= isSource(e.vertex());
            } else if (e.state() != ExecutionState.FINISHED) {
                return false;
            }
        }
        return runningSource;
    }

    private boolean isSource(JobVertexProto v) {
        return graph.inEdgesOf(v.getId()).isEmpty();
    }

    private void onTimeout(long id) {
        PendingCheckpoint p = pending.get(id);
        if (p != null) {
            abort(p, "it expired before completing (execution.checkpointing.timeout " + settings.timeout().toMillis() + " ms, "
                    + p.numberOfPendingAcks() + " of " + p.tasks().size() + " tasks had not acknowledged)", true);
        }
    }

    // ------------------------------------------------------------------ task messages

    public Ack acknowledge(AcknowledgeCheckpointRequest request) {
        PendingCheckpoint p = pending.get(request.getCheckpointId());
        if (p == null) {
            discardLateFiles(request.getCheckpointId());
            return ack(false, "Checkpoint " + request.getCheckpointId() + " of job " + jobId
                    + " is not in progress (completed, aborted or unknown); acknowledgement ignored");
        }
        switch (p.acknowledge(request)) {
            case UNKNOWN_TASK -> {
                return ack(false, "Execution attempt " + request.getExecutionAttemptId() + " is not part of checkpoint "
                        + request.getCheckpointId() + " of job " + jobId + "; acknowledgement ignored");
            }
            case DUPLICATE -> {
                return ack(false, "Checkpoint " + request.getCheckpointId() + " was already acknowledged by "
                        + request.getExecutionAttemptId());
            }
            default -> {
                if (p.isFullyAcknowledged()) {
                    complete(p);
                }
                return ack(true, "");
            }
        }
    }

    /**
     * A task acknowledged a checkpoint that was aborted meanwhile: files it wrote after the abort
     * deleted the directory may have re-created it; delete it again unless it is a completed one.
     */
    private void discardLateFiles(long checkpointId) {
        if (checkpointId >= nextCheckpointId) {
            return;
        }
        Path dir = settings.jobDirectory(jobId).resolve("chk-" + checkpointId);
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve(MetadataIO.METADATA_FILE))) {
            CompletedCheckpointStore.deleteDirectory(dir);
        }
    }

    public Ack decline(DeclineCheckpointRequest request) {
        PendingCheckpoint p = pending.get(request.getCheckpointId());
        if (p == null || !p.involves(request.getExecutionAttemptId())) {
            return ack(false, "Checkpoint " + request.getCheckpointId() + " of job " + jobId + " is not in progress for attempt "
                    + request.getExecutionAttemptId() + "; decline ignored");
        }
        Execution e = graph.execution(request.getExecutionAttemptId());
        String task = e != null ? e.taskNameWithSubtask() : request.getExecutionAttemptId();
        abort(p, "task " + task + " declined it: " + request.getReason(), true);
        return ack(true, "");
    }

    // ------------------------------------------------------------------ completion and abort

    private void complete(PendingCheckpoint p) {
        pending.remove(p.checkpointId());
        p.cancelTimeout();
        try {
            MetadataIO.write(p.directory(), p.toMetadata(jobId), p.isSavepoint());
        } catch (IOException | RuntimeException e) {
            pending.put(p.checkpointId(), p);
            abort(p, "could not write its metadata to " + p.directory() + ": " + e, true);
            return;
        }
        p.transitionTo(CheckpointState.COMPLETED);
        long now = clock.getAsLong();
        CheckpointStats s = new CheckpointStats(p.checkpointId(), p.isSavepoint(), p.timestamp(), now - p.timestamp(),
                p.bytesWritten(), p.maxAlignmentMillis());
        CompletedCheckpoint completed = new CompletedCheckpoint(p.toMetadata(jobId), p.directory(), s);
        if (!p.isSavepoint()) {
            store.add(completed);
            consecutiveFailures = 0;
            lastCompletionMillis = now;
            // older pending checkpoints are subsumed by this one
            for (PendingCheckpoint older : List.copyOf(pending.headMap(p.checkpointId()).values())) {
                if (!older.isSavepoint()) {
                    abort(older, "checkpoint " + p.checkpointId() + " completed first", false);
                }
            }
        }
        stats.addLast(s);
        while (stats.size() > STATS_KEPT) {
            stats.removeFirst();
        }
        CompletableFuture<Void> notified = notifyTasks(p, true);
        coordinators.checkpointComplete(p.checkpointId(), p.isSavepoint());
        LOG.info("Completed {} {} of job {} in {} ms ({} bytes, max alignment {} ms) at {}", kind(p), p.checkpointId(), jobId,
                s.durationMillis(), s.bytes(), s.maxAlignmentMillis(), p.directory());
        // the caller (e.g. stop-with-savepoint, which then cancels the tasks) learns of it once every
        // TaskManager has taken the notification, or after NOTIFY_WAIT_SECONDS at the latest
        notified.completeOnTimeout(null, NOTIFY_WAIT_SECONDS, TimeUnit.SECONDS)
                .whenComplete((v, err) -> runAsync(() -> p.completion().complete(completed)));
    }

    private void abort(PendingCheckpoint p, String reason, boolean countsAsFailure) {
        if (pending.remove(p.checkpointId()) == null) {
            return;
        }
        p.transitionTo(CheckpointState.ABORTED);
        p.cancelTimeout();
        String message = capitalize(kind(p)) + " " + p.checkpointId() + " of job " + jobId + " was aborted: " + reason;
        LOG.warn(message);
        notifyTasks(p, false);
        coordinators.checkpointAborted(p.checkpointId());
        CompletedCheckpointStore.deleteDirectory(p.directory());
        p.completion().completeExceptionally(new CheckpointException(message));
        if (countsAsFailure && !p.isSavepoint()) {
            consecutiveFailures++;
            if (consecutiveFailures > settings.tolerableFailures()) {
                consecutiveFailures = 0;
                failJob.accept("Exceeded checkpoint tolerable failure threshold (execution.checkpointing.tolerable-failed-checkpoints: "
                        + settings.tolerableFailures() + "). " + message);
            }
        }
    }

    /** Sends the notification to every task of the checkpoint; completes when all replied (errors included). */
    private CompletableFuture<Void> notifyTasks(PendingCheckpoint p, boolean completed) {
        List<CompletableFuture<?>> replies = new ArrayList<>();
        for (TaskRef t : p.tasks()) {
            CheckpointNotificationRequest request = CheckpointNotificationRequest.newBuilder().setExecutionAttemptId(t.attemptId())
                    .setCheckpointId(p.checkpointId()).setCompleted(completed).build();
            try {
                replies.add(taskExecutors.apply(t.rpcAddress()).notifyCheckpoint(request).handle((ack, err) -> {
                    if (err != null) {
                        LOG.debug("Could not notify {} of checkpoint {}: {}", t.attemptId(), p.checkpointId(), unwrap(err).toString());
                    }
                    return null;
                }));
            } catch (RuntimeException e) {
                LOG.debug("Could not notify {} of checkpoint {}: {}", t.attemptId(), p.checkpointId(), e.toString());
            }
        }
        return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new));
    }

    // ------------------------------------------------------------------ helpers

    private static String kind(PendingCheckpoint p) {
        return p.isSavepoint() ? "savepoint" : "checkpoint";
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Ack ack(boolean ok, String message) {
        return Ack.newBuilder().setOk(ok).setMessage(message).build();
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private void runAsync(Runnable action) {
        try {
            executor.execute(() -> {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.error("Unexpected error in the checkpoint coordinator of job {}", jobId, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("JobMaster of job {} is closed; dropping a checkpoint callback", jobId);
        }
    }
}
