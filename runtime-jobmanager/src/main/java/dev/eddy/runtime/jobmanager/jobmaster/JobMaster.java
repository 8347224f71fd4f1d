package dev.eddy.runtime.jobmanager.jobmaster;

import dev.eddy.proto.DeclineCheckpointRequest;
import dev.eddy.proto.AcknowledgeCheckpointRequest;
import dev.eddy.configuration.Configuration;
import dev.eddy.proto.Ack;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobStatusProto;
import dev.eddy.proto.JobVertexProto;
import dev.eddy.proto.OperatorEventToCoordinatorRequest;
import dev.eddy.proto.OperatorEventToTaskRequest;
import dev.eddy.runtime.coordination.OperatorEventCodec;
import dev.eddy.runtime.jobmanager.source.OperatorEventSender;
import dev.eddy.runtime.jobmanager.source.SourceCoordinators;
import dev.eddy.runtime.operators.coordination.OperatorEvent;
import dev.eddy.proto.SubmitTaskResponse;
import dev.eddy.proto.TaskExecutionStateProto;
import dev.eddy.proto.VertexStatus;
import dev.eddy.runtime.gateway.JobMasterGateway;
import dev.eddy.runtime.gateway.TaskExecutorGateway;
import dev.eddy.proto.TaskRestoreProto;
import dev.eddy.runtime.jobmanager.checkpoint.CheckpointCoordinator;
import dev.eddy.runtime.jobmanager.checkpoint.CheckpointSettings;
import dev.eddy.runtime.jobmanager.checkpoint.CheckpointStats;
import dev.eddy.runtime.jobmanager.checkpoint.CompletedCheckpoint;
import dev.eddy.runtime.jobmanager.failover.NoRestartBackoffTimeStrategy;
import dev.eddy.runtime.jobmanager.failover.RestartBackoffTimeStrategy;
import dev.eddy.runtime.jobmanager.failover.RestartStrategies;
import dev.eddy.runtime.jobmanager.resourcemanager.AllocatedSlot;
import dev.eddy.runtime.jobmanager.resourcemanager.SlotAllocator;
import dev.eddy.runtime.jobmanager.scheduler.SlotSharingPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: expands its graph into executions, requests slots (with slot sharing), deploys
 * every task at once, follows task state reports and drives the job through {@link JobState}.
 *
 * <p>Threading: all state lives on this JobMaster's own single-threaded executor. Public methods
 * only enqueue and return futures; callbacks from the ResourceManager and TaskExecutor gateways hop
 * back onto that executor. Lifecycle: created by the Dispatcher, {@link #start()}ed once, reaches a
 * terminal state (then all slots are freed and {@link #terminationFuture()} completes), and is
 * {@link #close()}d by the Dispatcher, which keeps the final status.
 *
 * <p>Failover: on a task failure or a lost TaskManager the job's {@link RestartBackoffTimeStrategy}
 * ({@code restart-strategy.*} in the job configuration, default none) decides. If it allows a
 * restart, the job goes RESTARTING: all executions are cancelled, and once they are terminal their
 * slots are freed; after the backoff the whole graph gets fresh attempts (attempt number + 1), new
 * slots are requested and everything is deployed again (with the state of the latest completed
 * checkpoint, if any). Reports of old attempts are unknown and ignored. Otherwise the job fails as
 * it did without a strategy.
 *
 * <p>Checkpoints: a {@link CheckpointCoordinator} (on this JobMaster's executor) triggers periodic
 * checkpoints while the job is RUNNING and takes savepoints; it stops and aborts what is pending
 * whenever the job leaves RUNNING. Deployment gives every task its {@link TaskRestoreProto}: at the
 * first start from {@code savepoint_path} / {@code execution.state-recovery.path} (a bad one fails
 * the job), at a restart from the latest completed checkpoint. With checkpointing on and no
 * {@code restart-strategy.type}, the restart strategy is exponential-delay (as in Flink 2.x).
 * Stop-with-savepoint cancels the tasks after the savepoint and the job ends FINISHED.
 *
 * <p>Sources of the Source API: their split enumerators run here, one {@code SourceCoordinator}
 * per source operator ({@link SourceCoordinators}), each on its own thread; their Source objects
 * are read in the job's class loader. Operator events of a task attempt reach its coordinator only
 * while the attempt is deploying, initializing or running; a coordinator is told when an attempt
 * ends, checkpoints snapshot the enumerators before triggering the sources, and a restart hands
 * the enumerators back the splits assigned since the restored checkpoint (see
 * {@code SourceCoordinator}). An enumerator failure fails the job (and may restart it).
 */
public final class JobMaster implements JobMasterGateway, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

    /**
     * Timeouts of a JobMaster, and the cluster's configuration: its {@code execution.checkpointing.*}
     * keys are defaults for keys a job does not set (e.g. the checkpoint and savepoint directories of
     * the JobManager's config.yaml).
     */
    public record Settings(Duration slotRequestTimeout, Duration cancelTimeout, Map<String, String> clusterConfiguration) {
        public Settings {
            clusterConfiguration = Map.copyOf(clusterConfiguration);
        }

        public Settings(Duration slotRequestTimeout, Duration cancelTimeout) {
            this(slotRequestTimeout, cancelTimeout, Map.of());
        }

        /** The job's graph with the cluster's checkpointing keys added where the job has none. */
        JobGraphProto withClusterCheckpointDefaults(JobGraphProto jobGraph) {
            JobGraphProto.Builder b = jobGraph.toBuilder();
            clusterConfiguration.forEach((key, value) -> {
                if (key.startsWith("execution.checkpointing.") && !jobGraph.getJobConfigurationMap().containsKey(key)) {
                    b.putJobConfiguration(key, value);
                }
            });
            return b.build();
        }
    }

    private final String jobId;
    private final ExecutionGraph graph;
    private final SlotSharingPlan slotPlan;
    private final SlotAllocator slotAllocator;
    private final Function<String, TaskExecutorGateway> taskExecutors;
    private final Settings settings;
    private final ScheduledExecutorService executor;
    private final CompletableFuture<JobStatusProto> termination = new CompletableFuture<>();

    private JobState state = JobState.CREATED;
    private final long startTimeMillis;
    private long endTimeMillis;
    private String failure = "";
    private CompletableFuture<List<AllocatedSlot>> slotRequest;
    private List<AllocatedSlot> slots = List.of();
    private final Set<String> lostTaskManagers = new HashSet<>();
    private ScheduledFuture<?> cancelTimeout;
    private final RestartBackoffTimeStrategy restartStrategy;
    private int restarts;
    private ScheduledFuture<?> restartTimer;
    private final CheckpointCoordinator checkpoints;
    private Map<String, List<TaskRestoreProto>> restoreAssignment = Map.of();
    private boolean stopWithSavepoint;
    private final ClassLoader userClassLoader;
    private final SourceCoordinators sourceCoordinators;
    private final String coordinatorSetupFailure;

    public JobMaster(JobGraphProto jobGraph, SlotAllocator slotAllocator, Function<String, TaskExecutorGateway> taskExecutors,
            Settings settings) {
        this(jobGraph, slotAllocator, taskExecutors, settings, JobMaster.class.getClassLoader());
    }

    /** @param userClassLoader the job's class loader (its jar, child-first), for the sources' split enumerators */
    public JobMaster(JobGraphProto jobGraph, SlotAllocator slotAllocator, Function<String, TaskExecutorGateway> taskExecutors,
            Settings settings, ClassLoader userClassLoader) {
        CheckpointSettings checkpointSettings = CheckpointSettings.fromJobGraph(settings.withClusterCheckpointDefaults(jobGraph));
        this.restartStrategy = RestartStrategies.fromConfiguration(Configuration.fromMap(jobGraph.getJobConfigurationMap()),
                checkpointSettings.periodic());
        this.jobId = jobGraph.getJobId();
        this.graph = new ExecutionGraph(jobGraph);
        this.slotPlan = SlotSharingPlan.of(jobGraph.getVerticesList());
        this.slotAllocator = slotAllocator;
        this.taskExecutors = taskExecutors;
        this.settings = settings;
        this.startTimeMillis = System.currentTimeMillis();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "eddy-jobmaster-" + jobId);
            t.setDaemon(true);
            return t;
        });
        this.userClassLoader = userClassLoader;
        SourceCoordinators coordinators;
        String setupFailure = null;
        try {
            coordinators = SourceCoordinators.create(jobGraph, userClassLoader, this::eventSender,
                    failure -> runAsync(() -> onSourceCoordinatorFailed(failure)));
        } catch (RuntimeException e) {
            coordinators = SourceCoordinators.create(JobGraphProto.getDefaultInstance(), userClassLoader, this::eventSender, f -> {});
            setupFailure = e.getMessage();
        }
        this.sourceCoordinators = coordinators;
        this.coordinatorSetupFailure = setupFailure;
        this.checkpoints = new CheckpointCoordinator(jobId, checkpointSettings, graph, taskExecutors, executor,
                this::onCheckpointFailuresExceeded, System::currentTimeMillis, sourceCoordinators);
    }

    /** How the coordinator of {@code operatorUid} sends events to tasks. Any thread. */
    private OperatorEventSender eventSender(String operatorUid, String vertexId) {
        return (rpcAddress, attemptId, event) -> {
            OperatorEventToTaskRequest request = OperatorEventToTaskRequest.newBuilder().setExecutionAttemptId(attemptId)
                    .setOperatorUid(operatorUid).setEvent(OperatorEventCodec.toProto(event)).build();
            try {
                return taskExecutors.apply(rpcAddress).sendOperatorEventToTask(request).thenApply(Ack::getOk);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        };
    }

    private void onSourceCoordinatorFailed(Throwable failure) {
        if (state == JobState.RUNNING) {
            failJob(failure.getMessage() + "\n" + stackTrace(failure));
        } else if (state == JobState.CREATED) {
            failBeforeDeployment(failure.getMessage());
        } else {
            LOG.info("Job {}: {} (job is {})", jobId, failure.getMessage(), state);
        }
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter sw = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(sw));
        return sw.toString();
    }

    public String jobId() {
        return jobId;
    }

    /** Requests the job's slots; deployment follows when they arrive. */
    public CompletableFuture<Void> start() {
        return call(() -> {
            try {
                restoreAssignment = checkpoints.loadInitialState();
            } catch (RuntimeException e) {
                failBeforeDeployment("Could not restore job " + jobId + " from '" + checkpoints.settings().restorePath() + "': "
                        + e.getMessage());
                return null;
            }
            if (coordinatorSetupFailure != null) {
                failBeforeDeployment(coordinatorSetupFailure);
                return null;
            }
            startSourceCoordinators();
            return null;
        });
    }

    /** Starts the split enumerators, then asks for slots (on this thread); a failed start fails the job. */
    private void startSourceCoordinators() {
        if (sourceCoordinators.isEmpty()) {
            requestSlots();
            return;
        }
        sourceCoordinators.start(checkpoints.restoredCoordinatorStates()).whenComplete((v, err) -> runAsync(() -> {
            if (state != JobState.CREATED) {
                return;
            }
            if (err != null) {
                failBeforeDeployment("Could not start the split enumerators of job " + jobId + ": " + unwrap(err));
            } else {
                requestSlots();
            }
        }));
    }

    /** The job cannot be deployed (restore failed): FAILED without running anything. */
    private void failBeforeDeployment(String message) {
        failure = message;
        for (Execution e : graph.allExecutions()) {
            e.tryTransitionTo(ExecutionState.CANCELED);
        }
        transitionTo(JobState.FAILED);
        onTerminal();
    }

    private void requestSlots() {
        int needed = slotPlan.totalSlots();
        LOG.info("Job {} ({}) needs {} slots", jobId, graph.jobGraph().getJobName(), needed);
        CompletableFuture<List<AllocatedSlot>> request = slotAllocator.requestSlots(jobId, needed, settings.slotRequestTimeout(),
                (tm, message) -> runAsync(() -> onTaskManagerLost(tm, message)));
        slotRequest = request;
        request.whenComplete((allocated, error) -> runAsync(() -> {
            if (request == slotRequest) {
                onSlotsAllocated(allocated, error);
            } else if (allocated != null) {
                slotAllocator.releaseSlots(jobId, allocated.stream().map(AllocatedSlot::allocationId).toList());
            }
        }));
    }

    @Override
    public CompletableFuture<Ack> updateTaskExecutionState(TaskExecutionStateProto update) {
        return call(() -> onTaskStateUpdate(update));
    }

    @Override
    public CompletableFuture<Ack> acknowledgeCheckpoint(AcknowledgeCheckpointRequest request) {
        return call(() -> checkpoints.acknowledge(request));
    }

    @Override
    public CompletableFuture<Ack> declineCheckpoint(DeclineCheckpointRequest request) {
        return call(() -> checkpoints.decline(request));
    }

    /**
     * An operator's event for its coordinator: dropped (not ok) unless its attempt is deploying,
     * initializing or running and the operator has a coordinator.
     */
    @Override
    public CompletableFuture<Ack> sendOperatorEventToCoordinator(OperatorEventToCoordinatorRequest request) {
        return call(() -> {
            Execution e = graph.execution(request.getExecutionAttemptId());
            if (e == null || !(e.state() == ExecutionState.DEPLOYING || e.state() == ExecutionState.INITIALIZING
                    || e.state() == ExecutionState.RUNNING)) {
                return ack(false, "Attempt " + request.getExecutionAttemptId() + " of job " + jobId
                        + " is not running; operator event dropped");
            }
            OperatorEvent event;
            try {
                event = OperatorEventCodec.fromProto(request.getEvent(), userClassLoader);
            } catch (java.io.IOException | RuntimeException ex) {
                // only this event is dropped; the sending task fails on the refusal and the job fails over
                String why = "Cannot read an operator event of " + e.taskNameWithSubtask() + " for operator "
                        + request.getOperatorUid() + ": " + ex.getMessage();
                LOG.warn("Job {}: {}", jobId, why);
                return ack(false, why);
            }
            if (!sourceCoordinators.handle(request.getOperatorUid(), e.subtaskIndex(), e.attemptId(), e.slot().rpcAddress(), event)) {
                return ack(false, "Operator " + request.getOperatorUid() + " of job " + jobId + " has no coordinator");
            }
            return ack(true, "");
        });
    }

    /**
     * Takes a savepoint into {@code targetDirectory} (empty: the job's savepoint dir); with
     * {@code stop}, the job finishes afterwards. Completes with the savepoint directory.
     */
    public CompletableFuture<String> triggerSavepoint(String targetDirectory, boolean stop) {
        CompletableFuture<CompletableFuture<CompletedCheckpoint>> triggered = call(() -> {
            if (state != JobState.RUNNING) {
                return CompletableFuture.failedFuture(new IllegalStateException("Job " + jobId + " is " + state
                        + "; a savepoint needs a running job"));
            }
            return checkpoints.triggerSavepoint(targetDirectory, stop);
        });
        return triggered.thenCompose(f -> f).thenCompose(savepoint -> call(() -> {
            if (stop) {
                stopAfterSavepoint(savepoint);
            }
            return savepoint.directory().toString();
        }));
    }

    /** Stop-with-savepoint: the savepoint is complete, so cancel every task; the job ends FINISHED. */
    private void stopAfterSavepoint(CompletedCheckpoint savepoint) {
        if (state != JobState.RUNNING) {
            return;
        }
        LOG.info("Job {} stops after savepoint {} at {}", jobId, savepoint.checkpointId(), savepoint.directory());
        stopWithSavepoint = true;
        transitionTo(JobState.CANCELLING);
        cancelAllExecutions();
    }

    /** Too many checkpoints failed in a row: fail (and maybe restart) the job. */
    private void onCheckpointFailuresExceeded(String message) {
        if (state == JobState.RUNNING) {
            failJob(message);
        }
    }

    /** Completed checkpoints and savepoints of this job, oldest first (for tests and monitoring). */
    public CompletableFuture<List<CheckpointStats>> checkpointStats() {
        return call(checkpoints::stats);
    }

    /**
     * Triggers a checkpoint now (subject to the same conditions as a periodic one: all tasks running,
     * max-concurrent, min-pause). Completes with its id; fails if it could not be triggered.
     */
    public CompletableFuture<Long> triggerCheckpoint() {
        return call(() -> {
            if (state != JobState.RUNNING) {
                throw new IllegalStateException("Job " + jobId + " is " + state + "; a checkpoint needs a running job");
            }
            return checkpoints.triggerPeriodicIfPossible().map(p -> p.checkpointId()).orElseThrow(() -> new IllegalStateException(
                    "Job " + jobId + ": no checkpoint triggered (not all tasks running, "
                            + "max-concurrent-checkpoints in progress, or within min-pause)"));
        });
    }

    /** The latest retained completed checkpoint, if any. */
    public CompletableFuture<java.util.Optional<CompletedCheckpoint>> latestCompletedCheckpoint() {
        return call(() -> checkpoints.store().latest());
    }

    /** Starts cancelling; completes with the job state right after (CANCELLING or a terminal state). */
    public CompletableFuture<String> cancel() {
        return call(() -> {
            if (state == JobState.CREATED || state == JobState.RUNNING || state == JobState.RESTARTING) {
                transitionTo(JobState.CANCELLING);
                if (restartTimer != null) {
                    restartTimer.cancel(false);
                    restartTimer = null;
                }
                if (slotRequest != null && !slotRequest.isDone()) {
                    slotRequest.cancel(false);
                }
                cancelAllExecutions();
            }
            return state.name();
        });
    }

    public CompletableFuture<JobStatusProto> requestStatus() {
        return call(this::status);
    }

    /** Event-time progress of every subtask, as its TaskExecutor reports it now (see {@link WatermarkReport}). */
    public CompletableFuture<dev.eddy.proto.JobWatermarksProto> requestWatermarks() {
        return call(() -> WatermarkReport.start(jobId, state.name(), graph, taskExecutors)).thenCompose(f -> f);
    }

    /** Completes with the final status once the job is terminal and its slots are freed. */
    public CompletableFuture<JobStatusProto> terminationFuture() {
        return termination;
    }

    @Override
    public void close() {
        executor.shutdown();
        sourceCoordinators.close();
    }

    // ------------------------------------------------------------------ scheduling and deployment

    private void onSlotsAllocated(List<AllocatedSlot> allocated, Throwable error) {
        if (error != null) {
            Throwable cause = unwrap(error);
            if (cause instanceof CancellationException || !waitingForSlots()) {
                return;
            }
            String message = cause.getMessage() != null ? cause.getMessage() : cause.toString();
            failure = state == JobState.RESTARTING ? message + "\n\nThe job was restarting after: " + failure : message;
            for (Execution e : graph.allExecutions()) {
                e.transitionTo(ExecutionState.CANCELED);
            }
            transitionTo(JobState.FAILED);
            onTerminal();
            return;
        }
        if (!waitingForSlots()) {
            LOG.info("Job {} is {} already; returning the {} slots it just got", jobId, state, allocated.size());
            slotAllocator.releaseSlots(jobId, allocated.stream().map(AllocatedSlot::allocationId).toList());
            return;
        }
        slots = List.copyOf(allocated);
        for (JobVertexProto v : graph.vertices()) {
            for (Execution e : graph.executionsOf(v.getId())) {
                e.assign(slots.get(slotPlan.slotIndexOf(v, e.subtaskIndex())));
            }
        }
        transitionTo(JobState.RUNNING);
        failure = "";
        for (Execution e : graph.allExecutions()) {
            deploy(e);
        }
        if (state == JobState.RUNNING) {
            checkpoints.onJobRunning();
        }
    }

    private void deploy(Execution e) {
        AllocatedSlot slot = e.slot();
        CompletableFuture<SubmitTaskResponse> response;
        try {
            List<TaskRestoreProto> restore = restoreAssignment.get(e.vertex().getId());
            var tdd = DeploymentDescriptors.create(graph, e, restore == null ? null : restore.get(e.subtaskIndex()));
            e.transitionTo(ExecutionState.DEPLOYING);
            LOG.debug("Deploying {} (attempt {}) to {}", e.taskNameWithSubtask(), e.attemptId(), slot);
            response = taskExecutors.apply(slot.rpcAddress()).submitTask(tdd);
        } catch (RuntimeException ex) {
            response = CompletableFuture.failedFuture(ex);
        }
        response.whenComplete((r, err) -> runAsync(() -> {
            if (err == null && r.getAccepted()) {
                return;
            }
            String reason = err != null ? String.valueOf(unwrap(err)) : r.getReason();
            onExecutionFailed(e, "Could not deploy the task: " + reason);
        }));
    }

    // ------------------------------------------------------------------ state reports

    private Ack onTaskStateUpdate(TaskExecutionStateProto update) {
        if (state.isTerminal()) {
            // the Dispatcher detaches an ended JobMaster asynchronously; until then reports still reach it
            return ack(false, "Job " + jobId + " has ended (" + state + "); state update ignored");
        }
        Execution e = graph.execution(update.getExecutionAttemptId());
        if (e == null) {
            LOG.debug("Ignoring a state update for unknown attempt {} of job {}", update.getExecutionAttemptId(), jobId);
            return ack(false, "Unknown execution attempt " + update.getExecutionAttemptId() + " of job " + jobId + "; ignored");
        }
        ExecutionState target;
        try {
            target = ExecutionState.valueOf(update.getState());
        } catch (IllegalArgumentException ex) {
            return ack(false, "Unknown task state '" + update.getState() + "'; expected one of DEPLOYING INITIALIZING RUNNING FINISHED CANCELED FAILED");
        }
        if (target.isTerminal()) {
            sourceCoordinators.attemptEnded(e.vertex().getId(), e.subtaskIndex(), e.attemptId());
        }
        switch (target) {
            case FAILED -> onExecutionFailed(e, update.getFailure());
            case CANCELED -> {
                if (state == JobState.RUNNING && e.state() != ExecutionState.CANCELING) {
                    // nobody asked for this: the TaskManager dropped the task (e.g. it lost the JobManager)
                    onExecutionFailed(e, "The task was canceled by its TaskManager without a request from the JobMaster"
                            + (update.getFailure().isEmpty() ? "" : ":\n" + update.getFailure()));
                } else if (e.tryTransitionTo(target)) {
                    LOG.info("{} of job {} is {}", e.taskNameWithSubtask(), jobId, target);
                    onExecutionTerminal();
                }
            }
            case FINISHED -> {
                if (e.tryTransitionTo(target)) {
                    LOG.info("{} of job {} is {}", e.taskNameWithSubtask(), jobId, target);
                    checkpoints.onExecutionFinished(e.attemptId());
                    onExecutionTerminal();
                }
            }
            default -> {
                if (e.tryTransitionTo(target)) {
                    LOG.debug("{} of job {} is {}", e.taskNameWithSubtask(), jobId, target);
                }
            }
        }
        return ack(true, "");
    }

    private void onExecutionFailed(Execution e, String text) {
        if (!e.state().canTransitionTo(ExecutionState.FAILED)) {
            return;
        }
        e.fail(text);
        sourceCoordinators.attemptEnded(e.vertex().getId(), e.subtaskIndex(), e.attemptId());
        LOG.warn("{} of job {} failed: {}", e.taskNameWithSubtask(), jobId, text);
        if (state == JobState.RUNNING) {
            AllocatedSlot slot = e.slot();
            failJob("Task '" + e.taskNameWithSubtask() + "' failed on TaskManager " + slot.taskManagerId() + " (" + slot.rpcAddress()
                    + "):\n" + text);
        } else {
            onExecutionTerminal();
        }
    }

    private void onTaskManagerLost(String taskManagerId, String message) {
        lostTaskManagers.add(taskManagerId);
        boolean any = false;
        for (Execution e : graph.allExecutions()) {
            if (e.slot() != null && e.slot().taskManagerId().equals(taskManagerId) && !e.state().isTerminal()) {
                e.fail(message);
                sourceCoordinators.attemptEnded(e.vertex().getId(), e.subtaskIndex(), e.attemptId());
                any = true;
            }
        }
        if (!any) {
            return;
        }
        if (state == JobState.RUNNING) {
            failJob(message);
        } else {
            if (state == JobState.FAILING) {
                // Tasks elsewhere usually notice a dead TaskManager (broken connections) before the
                // heartbeat timeout does; the lost TaskManager is the more useful cause to show first.
                failure = message + "\n\nFirst task failure reported:\n" + failure;
            }
            onExecutionTerminal();
        }
    }

    private boolean waitingForSlots() {
        return state == JobState.CREATED || (state == JobState.RESTARTING && restartTimer == null && graph.allInState(ExecutionState.CREATED));
    }

    /** A running job failed: restart it if the strategy allows, else fail it. */
    private void failJob(String text) {
        restartStrategy.notifyFailure();
        if (restartStrategy.canRestart()) {
            failure = text;
            LOG.info("Job {} restarts (restart {}, strategy {}) after: {}", jobId, restarts + 1, restartStrategy.description(), text);
            transitionTo(JobState.RESTARTING);
            cancelAllExecutions();
            return;
        }
        failure = restartStrategy == NoRestartBackoffTimeStrategy.INSTANCE ? text
                : "Restart strategy " + restartStrategy.description() + " exhausted after " + restarts + " restarts; last failure: " + text;
        transitionTo(JobState.FAILING);
        cancelAllExecutions();
    }

    /** All attempts of the failed run are terminal: free their slots, then restart after the backoff. */
    private void scheduleRestart() {
        if (cancelTimeout != null) {
            cancelTimeout.cancel(false);
        }
        releaseAllSlots();
        long backoff = restartStrategy.getBackoffTime();
        LOG.info("Job {}: all tasks of attempt run {} are terminal; restarting in {} ms", jobId, restarts, backoff);
        restartTimer = executor.schedule(() -> {
            try {
                restart();
            } catch (RuntimeException e) {
                LOG.error("Unexpected error restarting job {}", jobId, e);
            }
        }, backoff, TimeUnit.MILLISECONDS);
    }

    private void restart() {
        restartTimer = null;
        if (state != JobState.RESTARTING) {
            return;
        }
        restarts++;
        lostTaskManagers.clear(); // all their slots were released; a TaskManager re-registering under the same id is new
        graph.resetForRestart();
        try {
            restoreAssignment = checkpoints.stateForRestart();
        } catch (RuntimeException e) {
            failBeforeDeployment("Could not restore job " + jobId + " from its latest checkpoint: " + e.getMessage()
                    + "\n\nThe job was restarting after: " + failure);
            return;
        }
        if (sourceCoordinators.isEmpty()) {
            requestSlots();
            return;
        }
        sourceCoordinators.restart(checkpoints.restoredCheckpointId(), checkpoints.restoredCoordinatorStates())
                .whenComplete((v, err) -> runAsync(() -> {
                    if (state != JobState.RESTARTING) {
                        return;
                    }
                    if (err != null) {
                        failBeforeDeployment("Could not reset the split enumerators of job " + jobId + ": " + unwrap(err)
                                + "\n\nThe job was restarting after: " + failure);
                    } else {
                        requestSlots();
                    }
                }));
    }

    private void onExecutionTerminal() {
        if (state == JobState.RUNNING && graph.allInState(ExecutionState.FINISHED)) {
            transitionTo(JobState.FINISHED);
            onTerminal();
        } else if (state == JobState.RESTARTING && restartTimer == null && graph.allTerminal()) {
            scheduleRestart();
        } else if ((state == JobState.FAILING || state == JobState.CANCELLING) && graph.allTerminal()) {
            transitionTo(state == JobState.FAILING ? JobState.FAILED : stopWithSavepoint ? JobState.FINISHED : JobState.CANCELED);
            onTerminal();
        }
    }

    /** Cancels every non-terminal execution (on its TaskManager if deployed); arms the cancel timeout. */
    private void cancelAllExecutions() {
        for (Execution e : graph.allExecutions()) {
            ExecutionState s = e.state();
            if (s == ExecutionState.CREATED || s == ExecutionState.SCHEDULED) {
                e.transitionTo(ExecutionState.CANCELED);
            } else if (s.isOnTaskManager() && s != ExecutionState.CANCELING) {
                e.transitionTo(ExecutionState.CANCELING);
                String address = e.slot().rpcAddress();
                try {
                    taskExecutors.apply(address).cancelTask(e.attemptId()).whenComplete((ack, err) -> {
                        if (err != null) {
                            LOG.warn("Could not cancel {} on {}: {}", e.taskNameWithSubtask(), address, unwrap(err).toString());
                        }
                    });
                } catch (RuntimeException ex) {
                    LOG.warn("Could not cancel {} on {}", e.taskNameWithSubtask(), address, ex);
                }
            }
        }
        cancelTimeout = executor.schedule(this::onCancelTimeout, settings.cancelTimeout().toMillis(), TimeUnit.MILLISECONDS);
        onExecutionTerminal();
    }

    private void onCancelTimeout() {
        if (state != JobState.FAILING && state != JobState.CANCELLING && state != JobState.RESTARTING) {
            return;
        }
        List<String> stuck = new ArrayList<>();
        for (Execution e : graph.allExecutions()) {
            if (!e.state().isTerminal()) {
                stuck.add(e.taskNameWithSubtask());
                e.tryTransitionTo(ExecutionState.CANCELED);
            }
        }
        LOG.warn("Job {}: tasks {} did not confirm cancellation within {}; considering them canceled", jobId, stuck, settings.cancelTimeout());
        onExecutionTerminal();
    }

    /** The job is terminal: free every slot on the TaskManagers and in the ResourceManager. */
    private void onTerminal() {
        endTimeMillis = System.currentTimeMillis();
        checkpoints.onJobTerminal(state.name());
        CompletableFuture.runAsync(sourceCoordinators::close); // may wait for an enumerator to close: off this thread
        if (cancelTimeout != null) {
            cancelTimeout.cancel(false);
        }
        LOG.info("Job {} ({}) is {}{}", jobId, graph.jobGraph().getJobName(), state, failure.isEmpty() ? "" : ": " + failure);
        CompletableFuture<Void> released = releaseAllSlots();
        JobStatusProto finalStatus = status();
        released.whenComplete((v, err) -> termination.complete(finalStatus));
    }

    /** Frees every slot of the job on its TaskManager (unless lost) and in the ResourceManager. */
    private CompletableFuture<Void> releaseAllSlots() {
        List<String> allocationIds = new ArrayList<>();
        for (AllocatedSlot slot : slots) {
            allocationIds.add(slot.allocationId());
            if (lostTaskManagers.contains(slot.taskManagerId())) {
                continue;
            }
            try {
                taskExecutors.apply(slot.rpcAddress()).freeSlot(slot.allocationId(), jobId).whenComplete((ack, err) -> {
                    if (err != null) {
                        LOG.warn("Could not free {}: {}", slot, unwrap(err).toString());
                    }
                });
            } catch (RuntimeException ex) {
                LOG.warn("Could not free {}", slot, ex);
            }
        }
        slots = List.of();
        return allocationIds.isEmpty() ? CompletableFuture.completedFuture(null) : slotAllocator.releaseSlots(jobId, allocationIds);
    }

    // ------------------------------------------------------------------ helpers

    private void transitionTo(JobState target) {
        if (!state.canTransitionTo(target)) {
            throw new IllegalStateException("Illegal transition of job " + jobId + " from " + state + " to " + target);
        }
        LOG.info("Job {} switched from {} to {}", jobId, state, target);
        JobState previous = state;
        state = target;
        if (previous == JobState.RUNNING) {
            checkpoints.onJobNotRunning("it switched to " + target);
        }
    }

    private JobStatusProto status() {
        JobStatusProto.Builder b = JobStatusProto.newBuilder()
                .setJobId(jobId)
                .setJobName(graph.jobGraph().getJobName())
                .setState(state.name())
                .setStartTimeMillis(startTimeMillis)
                .setEndTimeMillis(state.isTerminal() ? endTimeMillis : 0)
                .setFailure(failure == null ? "" : failure);
        for (JobVertexProto v : graph.vertices()) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Execution e : graph.executionsOf(v.getId())) {
                counts.merge(e.state().name(), 1, Integer::sum);
            }
            b.addVertices(VertexStatus.newBuilder().setName(v.getName()).setParallelism(v.getParallelism()).putAllTasksPerState(counts));
        }
        return b.build();
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
                    LOG.error("Unexpected error in the JobMaster of job {}", jobId, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("JobMaster of job {} is closed; dropping a callback", jobId);
        }
    }

    private <T> CompletableFuture<T> call(Supplier<T> action) {
        try {
            return CompletableFuture.supplyAsync(action, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("The JobMaster of job " + jobId + " is closed", e));
        }
    }
}
