package dev.eddy.runtime.taskmanager.task;

import dev.eddy.api.common.JobID;
import dev.eddy.configuration.Configuration;
import dev.eddy.proto.CheckpointOptionsProto;
import dev.eddy.proto.OperatorEventProto;
import dev.eddy.proto.OperatorEventToCoordinatorRequest;
import dev.eddy.runtime.coordination.OperatorEventCodec;
import dev.eddy.runtime.operators.coordination.OperatorEventGateway;
import dev.eddy.runtime.operators.coordination.OperatorEventHandler;
import dev.eddy.streaming.api.operators.StreamOperator;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointBarrier;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions;
import dev.eddy.runtime.taskmanager.checkpoint.SubtaskCheckpointCoordinator;
import dev.eddy.runtime.taskmanager.task.io.CheckpointBarrierListener;
import dev.eddy.runtime.taskmanager.task.io.StreamInputProcessor;
import dev.eddy.proto.TaskExecutionStateProto;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.taskmanager.state.StateBackendSettings;
import dev.eddy.runtime.taskmanager.task.chain.ChainContext;
import dev.eddy.runtime.taskmanager.task.chain.ChainedOperatorException;
import dev.eddy.runtime.taskmanager.task.chain.JobInfoImpl;
import dev.eddy.runtime.taskmanager.task.chain.OperatorChain;
import dev.eddy.runtime.taskmanager.task.chain.TaskInfoImpl;
import dev.eddy.runtime.taskmanager.task.mailbox.Mail;
import dev.eddy.runtime.taskmanager.task.mailbox.MailboxExecutorImpl;
import dev.eddy.runtime.taskmanager.task.mailbox.ProcessingTimeServiceImpl;
import dev.eddy.runtime.taskmanager.task.mailbox.TaskMailbox;
import dev.eddy.streaming.api.operators.SourceOperator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt of one subtask: a thread named after the task ("Map -&gt; Sink (2/4)#0") that
 * deploys the task (waits for the job's class loader, creates partitions and gates, builds the
 * operator chain), runs it, and reports each {@link ExecutionState} change to the JobMaster.
 *
 * <p>Threading: {@link #start()} and {@link #cancel()} may be called from any thread (the
 * TaskExecutor's); everything else runs on the task thread. Other threads reach the task thread
 * only through its {@link TaskMailbox}. State reports are sent in order (each after the previous
 * one completed). The termination listener runs on the task thread after the task reached a
 * terminal state and released its resources.
 *
 * <p>Operator events: an operator with a JobManager-side coordinator (a Source-API source) sends
 * events through the {@link OperatorEventGateway} it got in setup; the task sends them to the
 * JobMaster one after the other, in order, and fails itself if one is refused (the coordinator
 * would otherwise miss, say, a split request). Coordinator events arrive through
 * {@link #deliverOperatorEvent} from any thread and reach the operator's
 * {@link OperatorEventHandler} as mail on the task thread.
 */
public final class Task implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Task.class);

    private final TaskDeploymentDescriptor tdd;
    private final CompletableFuture<ClassLoader> classLoaderFuture;
    private final TaskServices services;
    private final Consumer<Task> terminationListener;
    private final TaskInfoImpl taskInfo;
    private final String taskNameWithSubtasks;
    private final TaskMailbox mailbox = new TaskMailbox();
    private final AtomicReference<ExecutionState> state = new AtomicReference<>(ExecutionState.CREATED);
    private final CompletableFuture<ExecutionState> terminationFuture = new CompletableFuture<>();
    private final Thread thread;
    private final Object reportLock = new Object();
    private CompletableFuture<?> lastReport = CompletableFuture.completedFuture(null);
    private volatile boolean canceled;
    private volatile SourceOperator<?> runningSource;
    private volatile Throwable failureCause;
    private volatile SubtaskCheckpointCoordinator checkpoints;
    private volatile OperatorChain diagnosticsChain;
    private volatile java.util.List<dev.eddy.streaming.runtime.watermarkstatus.InputWatermarkProgress> inputWatermarks =
            java.util.List.of();
    /** Set on the task thread once the chain is built; read by operator event mail (task thread). */
    private OperatorChain operatorChain;
    private ClassLoader userCodeClassLoader;
    /** The last operator event sent to the JobMaster (task thread only): the next is sent after it, keeping order. */
    private CompletableFuture<?> lastOperatorEvent = CompletableFuture.completedFuture(null);

    /**
     * @param classLoaderFuture the job's user class loader (awaited on the task thread while DEPLOYING)
     * @param terminationListener told once the task has ended and released its resources
     */
    public Task(TaskDeploymentDescriptor tdd, CompletableFuture<ClassLoader> classLoaderFuture, TaskServices services,
            Consumer<Task> terminationListener) {
        this.tdd = tdd;
        this.classLoaderFuture = classLoaderFuture;
        this.services = services;
        this.terminationListener = terminationListener;
        int maxParallelism = tdd.getMaxParallelism() > 0 ? tdd.getMaxParallelism()
                : KeyGroupRangeAssignment.computeDefaultMaxParallelism(tdd.getParallelism());
        this.taskInfo = new TaskInfoImpl(tdd.getTaskName(), maxParallelism, tdd.getSubtaskIndex(), tdd.getParallelism(),
                tdd.getAttemptNumber(), tdd.getAllocationId());
        this.taskNameWithSubtasks = taskInfo.getTaskNameWithSubtasks();
        this.thread = new Thread(this, taskNameWithSubtasks);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public String getExecutionAttemptId() {
        return tdd.getExecutionAttemptId();
    }

    public String getJobId() {
        return tdd.getJobId();
    }

    public String getAllocationId() {
        return tdd.getAllocationId();
    }

    public String getTaskNameWithSubtasks() {
        return taskNameWithSubtasks;
    }

    public ExecutionState getExecutionState() {
        return state.get();
    }

    /** The failure that made the task FAILED, else null. */
    public Throwable getFailureCause() {
        return failureCause;
    }

    /** Completes with the terminal state once the task has released its resources and told its listener. */
    public CompletableFuture<ExecutionState> getTerminationFuture() {
        return terminationFuture;
    }

    /**
     * Cancels the task: CANCELING, then the task thread unwinds (the source is told to stop, a
     * cancellation mail is queued, the thread is interrupted), closes its operators and ends
     * CANCELED. Thread-safe, idempotent; no effect on a task that has ended.
     */
    public void cancel() {
        while (true) {
            ExecutionState s = state.get();
            if (s.isTerminal() || s == ExecutionState.CANCELING) {
                return;
            }
            if (s == ExecutionState.CREATED) {
                if (transition(ExecutionState.CREATED, ExecutionState.CANCELED, null)) {
                    canceled = true;
                    return;
                }
                continue;
            }
            if (transition(s, ExecutionState.CANCELING, null)) {
                break;
            }
        }
        canceled = true;
        SourceOperator<?> source = runningSource;
        if (source != null) {
            try {
                source.cancel();
            } catch (RuntimeException e) {
                LOG.warn("Source of {} threw while being cancelled", taskNameWithSubtasks, e);
            }
        }
        mailbox.put(new Mail(() -> {
            throw new CancelTaskException("Task " + taskNameWithSubtasks + " was cancelled");
        }, "cancel"));
        thread.interrupt();
    }

    @Override
    public void run() {
        if (!transition(ExecutionState.CREATED, ExecutionState.DEPLOYING, null)) {
            terminate();
            return;
        }
        TaskResources resources = new TaskResources(taskNameWithSubtasks, services);
        ProcessingTimeServiceImpl timers = new ProcessingTimeServiceImpl(services.timerService(), mailbox);
        MailboxLoop loop = new MailboxLoop(mailbox, resources, services.timerService(), () -> canceled, taskNameWithSubtasks);
        OperatorChain chain = null;
        Throwable failure = null;
        boolean closed = false;
        try {
            ClassLoader userClassLoader = awaitClassLoader();
            thread.setContextClassLoader(userClassLoader);
            Configuration jobConf = Configuration.fromMap(tdd.getJobConfigurationMap());
            resources.deploy(tdd, userClassLoader);
            switchTo(ExecutionState.DEPLOYING, ExecutionState.INITIALIZING);
            ChainContext ctx = new ChainContext(taskInfo,
                    new JobInfoImpl(JobID.fromHexString(tdd.getJobId()), tdd.getJobName()), userClassLoader, timers,
                    new MailboxExecutorImpl(mailbox), JobSettings.objectReuse(jobConf), JobSettings.bufferTimeoutMillis(jobConf),
                    StateBackendSettings.fromConfiguration(jobConf), jobConf);
            userCodeClassLoader = userClassLoader;
            chain = new OperatorChain(resources.getChainConfig(), ctx, resources.getWriters(), this::operatorEventGateway);
            operatorChain = chain;
            chain.initializeState(tdd.hasRestore() ? tdd.getRestore() : null);
            SubtaskCheckpointCoordinator coordinator = new SubtaskCheckpointCoordinator(tdd.getJobId(), tdd.getExecutionAttemptId(),
                    taskNameWithSubtasks, chain, resources.getWriters(), services.jobMaster(), services.asyncSnapshots(),
                    () -> !canceled && !state.get().isTerminal());
            chain.openOperators();
            checkpoints = coordinator;
            switchTo(ExecutionState.INITIALIZING, ExecutionState.RUNNING);
            loop.startPeriodicFlush(chain.getFlushIntervalMillis());
            diagnosticsChain = chain;
            if (chain.getHeadOperator() instanceof SourceOperator) {
                runSource((SourceOperator<?>) chain.getHeadOperator(), loop);
            } else {
                StreamInputProcessor processor = resources.createInputProcessor(chain, barrierListener(coordinator));
                if (processor != null) {
                    processor.publishWatermarkProgress(p -> inputWatermarks = p, channelNames(tdd));
                }
                loop.runInputLoop(processor);
            }
            loop.checkCanceled();
            chain.finishOperators();
            resources.finishWriters();
            closed = true;
            Exception closeFailure = chain.closeOperators();
            if (closeFailure != null) {
                throw closeFailure;
            }
        } catch (Throwable t) {
            failure = t;
        }
        Thread.interrupted();
        if (chain != null && !closed) {
            Exception e = chain.closeOperators();
            if (e != null && failure != null && e != failure) {
                failure.addSuppressed(e);
            }
        }
        loop.stopPeriodicFlush();
        timers.shutdown();
        mailbox.close();
        resources.release();
        finalTransition(failure);
        terminate();
    }

    /**
     * The event-time progress of this subtask as last published by the task thread: per logical
     * input its watermark, status and channels, then what operators of the chain report themselves
     * (a source: its splits; a watermark assigner: the watermark it generates). Empty before the
     * task runs. Any thread.
     */
    public java.util.List<dev.eddy.streaming.runtime.watermarkstatus.InputWatermarkProgress> getWatermarkProgress() {
        OperatorChain chain = diagnosticsChain;
        java.util.List<dev.eddy.streaming.runtime.watermarkstatus.InputWatermarkProgress> own =
                chain == null ? java.util.List.of() : chain.getOperatorWatermarkProgress();
        if (own.isEmpty()) {
            return inputWatermarks;
        }
        java.util.List<dev.eddy.streaming.runtime.watermarkstatus.InputWatermarkProgress> all = new java.util.ArrayList<>(inputWatermarks);
        all.addAll(own);
        return all;
    }

    /** Per input gate, a name per channel: the producer's partition id and subpartition. */
    private static java.util.List<java.util.List<String>> channelNames(TaskDeploymentDescriptor tdd) {
        java.util.List<java.util.List<String>> names = new java.util.ArrayList<>();
        for (dev.eddy.proto.InputGateDescriptor gate : tdd.getInputGatesList()) {
            java.util.List<String> channels = new java.util.ArrayList<>();
            for (dev.eddy.proto.InputChannelDescriptor c : gate.getChannelsList()) {
                channels.add(c.getPartitionId() + "#" + c.getSubpartitionIndex());
            }
            names.add(channels);
        }
        return names;
    }

    private static CheckpointBarrierListener barrierListener(SubtaskCheckpointCoordinator coordinator) {
        return new CheckpointBarrierListener() {
            @Override
            public void onBarrierComplete(CheckpointBarrier barrier, long alignmentNanos) throws Exception {
                coordinator.checkpoint(barrier, alignmentNanos);
            }

            @Override
            public void onCheckpointAborted(long checkpointId, String reason) throws Exception {
                coordinator.abort(checkpointId, reason);
            }
        };
    }

    /**
     * Starts checkpoint {@code checkpointId} at this source task: the snapshot is taken and the
     * barrier emitted on the task thread at the source's next yield. Any thread.
     *
     * @return null when started, else why not (not running, not a source)
     */
    public String triggerCheckpoint(long checkpointId, long timestamp, CheckpointOptionsProto options) {
        SubtaskCheckpointCoordinator coordinator = checkpoints;
        ExecutionState s = state.get();
        if (coordinator == null || s != ExecutionState.RUNNING) {
            return "Task " + taskNameWithSubtasks + " is " + s + ", not RUNNING; checkpoint " + checkpointId + " cannot start there";
        }
        if (runningSource == null) {
            return "Task " + taskNameWithSubtasks + " is not a source task; checkpoints are triggered at sources only";
        }
        CheckpointBarrier barrier = new CheckpointBarrier(checkpointId, timestamp, CheckpointOptions.fromProto(options));
        boolean queued = mailbox.put(new Mail(() -> coordinator.checkpoint(barrier, 0), "checkpoint " + checkpointId, true));
        return queued ? null : "Task " + taskNameWithSubtasks + " is shutting down; checkpoint " + checkpointId + " cannot start there";
    }

    /**
     * Queues a coordinator's event for operator {@code operatorUid} as mail; the operator handles
     * it on the task thread ({@link OperatorEventHandler}). Any thread.
     *
     * @return null when queued, else why not
     */
    public String deliverOperatorEvent(String operatorUid, OperatorEventProto event) {
        if (state.get().isTerminal()) {
            return "Task " + taskNameWithSubtasks + " has ended; operator event dropped";
        }
        boolean queued = mailbox.put(new Mail(() -> {
            OperatorChain chain = operatorChain;
            StreamOperator<?> operator = chain == null ? null : chain.getOperatorByUid(operatorUid);
            if (!(operator instanceof OperatorEventHandler handler)) {
                throw new IllegalStateException("Task " + taskNameWithSubtasks + " got an operator event for operator "
                        + operatorUid + ", which " + (operator == null ? "is not in its chain" : "does not handle operator events"));
            }
            handler.handleOperatorEvent(OperatorEventCodec.fromProto(event, userCodeClassLoader));
        }, "operator event for " + operatorUid));
        return queued ? null : "Task " + taskNameWithSubtasks + " is shutting down; operator event dropped";
    }

    /** The gateway operator {@code operatorUid} sends its coordinator events through (task thread only). */
    private OperatorEventGateway operatorEventGateway(String operatorUid) {
        return event -> {
            OperatorEventToCoordinatorRequest request = OperatorEventToCoordinatorRequest.newBuilder().setJobId(tdd.getJobId())
                    .setExecutionAttemptId(tdd.getExecutionAttemptId()).setOperatorUid(operatorUid)
                    .setEvent(OperatorEventCodec.toProto(event)).build();
            lastOperatorEvent = lastOperatorEvent.handle((r, e) -> null)
                    .thenCompose(x -> services.jobMaster().sendOperatorEventToCoordinator(request))
                    .whenComplete((ack, e) -> {
                        if (e == null && ack.getOk()) {
                            return;
                        }
                        String why = e != null ? e.toString() : ack.getMessage();
                        // the coordinator has missed an event (e.g. a split request): without it the source may stall
                        mailbox.put(new Mail(() -> {
                            throw new IllegalStateException("Could not send " + event.getClass().getSimpleName() + " of operator "
                                    + operatorUid + " to its coordinator on the JobManager: " + why);
                        }, "operator event failure"));
                    });
        };
    }

    /** Tells the operators (on the task thread) that a checkpoint completed or was aborted. Any thread; dropped if the task ended. */
    public void notifyCheckpoint(long checkpointId, boolean completed) {
        SubtaskCheckpointCoordinator coordinator = checkpoints;
        if (coordinator == null) {
            return;
        }
        mailbox.put(new Mail(() -> {
            if (completed) {
                coordinator.notifyComplete(checkpointId);
            } else {
                coordinator.notifyAborted(checkpointId);
            }
        }, (completed ? "checkpoint complete " : "checkpoint aborted ") + checkpointId));
    }

    private ClassLoader awaitClassLoader() throws Exception {
        try {
            return classLoaderFuture.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not load the classes of job " + tdd.getJobId() + " (jar " + tdd.getJarSha256()
                    + ") for " + taskNameWithSubtasks + ": " + e.getCause(), e.getCause());
        }
    }

    private void runSource(SourceOperator<?> source, MailboxLoop loop) throws Exception {
        runningSource = source;
        if (canceled) {
            source.cancel();
        }
        source.run(new SourceOperator.SourceContextControl() {
            @Override
            public void checkpointOrYield() throws Exception {
                loop.yieldFromSource();
            }

            @Override
            public boolean isCancelled() {
                return canceled;
            }

            @Override
            public boolean hasMail() {
                return mailbox.hasMail();
            }

            @Override
            public void awaitMailOr(CompletableFuture<?> wakeUp) throws InterruptedException {
                mailbox.awaitMailOr(wakeUp);
            }
        });
    }

    private void switchTo(ExecutionState from, ExecutionState to) {
        if (!transition(from, to, null)) {
            throw new CancelTaskException("Task " + taskNameWithSubtasks + " was cancelled while " + from);
        }
    }

    private void finalTransition(Throwable failure) {
        if (failure == null && transition(ExecutionState.RUNNING, ExecutionState.FINISHED, null)) {
            return;
        }
        while (true) {
            ExecutionState s = state.get();
            if (s.isTerminal()) {
                return;
            }
            if (s == ExecutionState.CANCELING) {
                if (transition(s, ExecutionState.CANCELED, null)) {
                    return;
                }
                continue;
            }
            Throwable cause = failure != null ? ChainedOperatorException.unwrap(failure)
                    : new IllegalStateException("Task " + taskNameWithSubtasks + " ended in state " + s);
            if (transition(s, ExecutionState.FAILED, cause)) {
                return;
            }
        }
    }

    private void terminate() {
        try {
            terminationListener.accept(this);
        } catch (RuntimeException e) {
            LOG.error("Termination listener of {} failed", taskNameWithSubtasks, e);
        }
        terminationFuture.complete(state.get());
    }

    /** Atomically moves {@code from -> to} if legal and current; logs and reports it. */
    boolean transition(ExecutionState from, ExecutionState to, Throwable cause) {
        if (!from.canTransitionTo(to)) {
            throw new IllegalStateException("Illegal task state transition " + from + " -> " + to + " of " + taskNameWithSubtasks);
        }
        if (!state.compareAndSet(from, to)) {
            return false;
        }
        if (cause != null) {
            failureCause = cause;
            LOG.warn("{} ({}) switched from {} to {}.", taskNameWithSubtasks, tdd.getExecutionAttemptId(), from, to, cause);
        } else {
            LOG.info("{} ({}) switched from {} to {}.", taskNameWithSubtasks, tdd.getExecutionAttemptId(), from, to);
        }
        if (to.isReported()) {
            report(to, cause);
        }
        return true;
    }

    private void report(ExecutionState to, Throwable cause) {
        TaskExecutionStateProto.Builder msg = TaskExecutionStateProto.newBuilder()
                .setJobId(tdd.getJobId())
                .setExecutionAttemptId(tdd.getExecutionAttemptId())
                .setState(to.name());
        if (cause != null) {
            msg.setFailure(stackTraceOf(cause));
        }
        TaskExecutionStateProto proto = msg.build();
        synchronized (reportLock) {
            lastReport = lastReport.handle((r, e) -> null)
                    .thenCompose(x -> services.jobMaster().updateTaskExecutionState(proto))
                    .whenComplete((ack, e) -> {
                        if (e != null) {
                            LOG.warn("Could not report state {} of {} to the JobMaster of job {}: {}", to, taskNameWithSubtasks,
                                    tdd.getJobId(), e.toString());
                        }
                    });
        }
    }

    /** The exception's class, message and stack trace (with causes), as the JobMaster shows it. */
    public static String stackTraceOf(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }

    @Override
    public String toString() {
        return taskNameWithSubtasks + " (" + tdd.getExecutionAttemptId() + ") " + state.get();
    }
}
