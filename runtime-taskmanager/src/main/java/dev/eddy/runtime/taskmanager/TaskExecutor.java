package dev.eddy.runtime.taskmanager;

import dev.eddy.proto.CheckpointNotificationRequest;
import dev.eddy.proto.TriggerCheckpointRequest;
import dev.eddy.proto.Ack;
import dev.eddy.proto.HeartbeatRequest;
import dev.eddy.proto.HeartbeatResponse;
import dev.eddy.proto.RegisterTaskManagerRequest;
import dev.eddy.proto.RegisterTaskManagerResponse;
import dev.eddy.proto.SlotStatus;
import dev.eddy.proto.SubmitTaskResponse;
import dev.eddy.proto.TaskDeploymentDescriptor;
import dev.eddy.runtime.gateway.ResourceManagerGateway;
import dev.eddy.runtime.gateway.TaskExecutorGateway;
import dev.eddy.runtime.taskmanager.classloading.JobClassLoaders;
import dev.eddy.runtime.taskmanager.task.ExecutionState;
import dev.eddy.runtime.taskmanager.task.Task;
import dev.eddy.runtime.taskmanager.task.TaskServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskManager's task executor: its slots, its tasks, and its connection to the JobManager's
 * ResourceManager (registration with back-off, periodic heartbeats with a slot report).
 *
 * <p>Threading: all state is owned by one single-threaded executor. The gateway methods (called by
 * gRPC handlers or tests from any thread) only enqueue work on it and return futures; task
 * threads report their end through it as well.
 *
 * <p>Connection rules: a heartbeat answered {@code known=false} means the JobManager forgot this
 * TaskManager: its tasks are cancelled, its slots freed, and it registers again. If the JobManager
 * has not answered for longer than the heartbeat timeout, the same happens and registration is
 * retried until it succeeds.
 */
public final class TaskExecutor implements TaskExecutorGateway, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskExecutor.class);

    private final TaskExecutorSettings settings;
    private final ResourceManagerGateway resourceManager;
    private final TaskServices taskServices;
    private final JobClassLoaders classLoaders;
    private final ScheduledExecutorService executor;
    private final TaskSlotTable slots;
    private final Map<String, Task> tasks = new HashMap<>();

    private boolean registered;
    private boolean registering;
    private long lastContactNanos;
    private boolean jobManagerLost;
    private int connectionGeneration;
    private long heartbeatIntervalMillis;
    private long heartbeatTimeoutMillis;
    private ScheduledFuture<?> ticker;
    private boolean closed;

    public TaskExecutor(TaskExecutorSettings settings, ResourceManagerGateway resourceManager, TaskServices taskServices,
            JobClassLoaders classLoaders) {
        this.settings = settings;
        this.resourceManager = resourceManager;
        this.taskServices = taskServices;
        this.classLoaders = classLoaders;
        this.slots = new TaskSlotTable(settings.numberOfSlots());
        this.heartbeatIntervalMillis = settings.heartbeatInterval().toMillis();
        this.heartbeatTimeoutMillis = settings.heartbeatTimeout().toMillis();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "TaskExecutor " + settings.taskManagerId());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts registering at the ResourceManager. */
    public void start() {
        executor.execute(() -> {
            register();
            scheduleTicker();
        });
    }

    public String getTaskManagerId() {
        return settings.taskManagerId();
    }

    // ------------------------------------------------------------------ gateway

    @Override
    public CompletableFuture<SubmitTaskResponse> submitTask(TaskDeploymentDescriptor tdd) {
        return call(() -> doSubmit(tdd));
    }

    @Override
    public CompletableFuture<Ack> cancelTask(String executionAttemptId) {
        return call(() -> {
            Task task = tasks.get(executionAttemptId);
            if (task == null) {
                return Ack.newBuilder().setOk(false)
                        .setMessage("No task " + executionAttemptId + " on TaskManager " + settings.taskManagerId() + " (it may have ended)").build();
            }
            task.cancel();
            return Ack.newBuilder().setOk(true).build();
        });
    }

    @Override
    public CompletableFuture<Ack> triggerCheckpoint(TriggerCheckpointRequest request) {
        return call(() -> {
            Task task = tasks.get(request.getExecutionAttemptId());
            if (task == null) {
                return Ack.newBuilder().setOk(false).setMessage("No task " + request.getExecutionAttemptId() + " on TaskManager "
                        + settings.taskManagerId() + " (it may have ended); checkpoint " + request.getCheckpointId() + " not started").build();
            }
            String refused = task.triggerCheckpoint(request.getCheckpointId(), request.getTimestamp(), request.getOptions());
            return Ack.newBuilder().setOk(refused == null).setMessage(refused == null ? "" : refused).build();
        });
    }

    @Override
    public CompletableFuture<Ack> notifyCheckpoint(CheckpointNotificationRequest request) {
        return call(() -> {
            Task task = tasks.get(request.getExecutionAttemptId());
            if (task != null) {
                task.notifyCheckpoint(request.getCheckpointId(), request.getCompleted());
            }
            return Ack.newBuilder().setOk(true).build();
        });
    }

    /** Reads each task's last published watermark progress (no call into the task threads). */
    @Override
    public CompletableFuture<dev.eddy.proto.TaskWatermarksResponse> requestTaskWatermarks(
            dev.eddy.proto.TaskWatermarksRequest request) {
        return call(() -> {
            dev.eddy.proto.TaskWatermarksResponse.Builder response = dev.eddy.proto.TaskWatermarksResponse.newBuilder();
            for (String attempt : request.getExecutionAttemptIdsList()) {
                Task task = tasks.get(attempt);
                dev.eddy.proto.TaskWatermarksProto.Builder t = dev.eddy.proto.TaskWatermarksProto.newBuilder()
                        .setExecutionAttemptId(attempt).setFound(task != null);
                if (task != null) {
                    t.addAllInputs(dev.eddy.runtime.taskmanager.watermark.WatermarkProtos.toProtos(task.getWatermarkProgress()));
                }
                response.addTasks(t);
            }
            return response.build();
        });
    }

    /** Queues a coordinator's event as mail of the task; ok once queued (so it precedes later triggers). */
    @Override
    public CompletableFuture<Ack> sendOperatorEventToTask(dev.eddy.proto.OperatorEventToTaskRequest request) {
        return call(() -> {
            Task task = tasks.get(request.getExecutionAttemptId());
            String refused = task == null ? "No task " + request.getExecutionAttemptId() + " on TaskManager "
                    + settings.taskManagerId() + " (it may have ended); operator event dropped"
                    : task.deliverOperatorEvent(request.getOperatorUid(), request.getEvent());
            return Ack.newBuilder().setOk(refused == null).setMessage(refused == null ? "" : refused).build();
        });
    }

    @Override
    public CompletableFuture<Ack> freeSlot(String allocationId, String jobId) {
        return call(() -> {
            TaskSlotTable.Slot slot = slots.find(allocationId);
            if (slot == null) {
                return Ack.newBuilder().setOk(true).setMessage("Allocation " + allocationId + " holds no slot here").build();
            }
            for (String attempt : slots.free(allocationId)) {
                Task t = tasks.get(attempt);
                if (t != null) {
                    t.cancel();
                }
            }
            LOG.info("Freed slot {} of allocation {} (job {})", slot.index, allocationId, jobId);
            return Ack.newBuilder().setOk(true).build();
        });
    }

    // ------------------------------------------------------------------ queries for tests and the runner

    public CompletableFuture<Integer> getNumberOfFreeSlots() {
        return call(slots::numberOfFreeSlots);
    }

    public CompletableFuture<List<SlotStatus>> getSlotReport() {
        return call(slots::report);
    }

    /** The running tasks (not yet ended). */
    public CompletableFuture<List<Task>> getTasks() {
        return call(() -> new ArrayList<>(tasks.values()));
    }

    public CompletableFuture<Boolean> isRegistered() {
        return call(() -> registered);
    }

    // ------------------------------------------------------------------ tasks

    private SubmitTaskResponse doSubmit(TaskDeploymentDescriptor tdd) {
        if (closed) {
            return reject("TaskManager " + settings.taskManagerId() + " is shutting down");
        }
        if (tasks.containsKey(tdd.getExecutionAttemptId())) {
            return reject("Task " + tdd.getExecutionAttemptId() + " is already deployed on TaskManager " + settings.taskManagerId());
        }
        TaskSlotTable.Slot slot;
        try {
            slot = slots.allocate(tdd.getAllocationId(), tdd.getJobId());
        } catch (IllegalStateException e) {
            return reject("TaskManager " + settings.taskManagerId() + " cannot run " + tdd.getTaskName() + ": " + e.getMessage());
        }
        CompletableFuture<ClassLoader> classLoader = classLoaders.acquire(tdd.getJobId(), tdd.getJarSha256());
        Task task = new Task(tdd, classLoader, taskServices, this::onTaskTerminated);
        tasks.put(tdd.getExecutionAttemptId(), task);
        slot.tasks.add(tdd.getExecutionAttemptId());
        LOG.info("Deploying {} ({}) of job {} into slot {}", task.getTaskNameWithSubtasks(), tdd.getExecutionAttemptId(),
                tdd.getJobId(), slot.index);
        task.start();
        return SubmitTaskResponse.newBuilder().setAccepted(true).build();
    }

    private static SubmitTaskResponse reject(String reason) {
        LOG.warn("Rejected a deployment: {}", reason);
        return SubmitTaskResponse.newBuilder().setAccepted(false).setReason(reason).build();
    }

    /** Task thread, after the task released its resources. */
    private void onTaskTerminated(Task task) {
        try {
            executor.execute(() -> {
                if (tasks.remove(task.getExecutionAttemptId(), task)) {
                    TaskSlotTable.Slot slot = slots.find(task.getAllocationId());
                    if (slot != null) {
                        slot.tasks.remove(task.getExecutionAttemptId());
                    }
                    classLoaders.release(task.getJobId());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("TaskExecutor already closed when {} ended", task);
        }
    }

    private void cancelAllTasksAndFreeSlots(String reason) {
        if (!tasks.isEmpty()) {
            LOG.warn("Cancelling all {} tasks of TaskManager {}: {}", tasks.size(), settings.taskManagerId(), reason);
        }
        for (Task t : tasks.values()) {
            t.cancel();
        }
        slots.freeAll();
    }

    // ------------------------------------------------------------------ connection to the ResourceManager

    private void register() {
        if (registering || closed) {
            return;
        }
        registering = true;
        registered = false;
        int generation = ++connectionGeneration;
        attemptRegistration(generation, settings.registrationBackoffInitial().toMillis());
    }

    private void attemptRegistration(int generation, long backoffMillis) {
        if (closed || generation != connectionGeneration) {
            return;
        }
        RegisterTaskManagerRequest request = RegisterTaskManagerRequest.newBuilder()
                .setTaskManagerId(settings.taskManagerId())
                .setRpcAddress(settings.rpcAddress())
                .setDataAddress(settings.dataAddress())
                .setNumberOfSlots(settings.numberOfSlots())
                .build();
        CompletableFuture<RegisterTaskManagerResponse> answer;
        try {
            answer = resourceManager.registerTaskManager(request);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.orTimeout(Math.max(heartbeatTimeoutMillis, 1000), TimeUnit.MILLISECONDS)
                .whenCompleteAsync((response, error) -> onRegistrationAnswer(generation, backoffMillis, response, error), executor);
    }

    private void onRegistrationAnswer(int generation, long backoffMillis, RegisterTaskManagerResponse response, Throwable error) {
        if (closed || generation != connectionGeneration) {
            return;
        }
        if (error == null && response.getAccepted()) {
            registering = false;
            registered = true;
            jobManagerLost = false;
            lastContactNanos = System.nanoTime();
            long interval = response.getHeartbeatIntervalMillis() > 0 ? response.getHeartbeatIntervalMillis() : settings.heartbeatInterval().toMillis();
            long timeout = response.getHeartbeatTimeoutMillis() > 0 ? response.getHeartbeatTimeoutMillis() : settings.heartbeatTimeout().toMillis();
            if (interval != heartbeatIntervalMillis || timeout != heartbeatTimeoutMillis) {
                heartbeatIntervalMillis = interval;
                heartbeatTimeoutMillis = timeout;
                scheduleTicker();
            }
            LOG.info("TaskManager {} registered at the ResourceManager with {} slots (heartbeat every {} ms, timeout {} ms)",
                    settings.taskManagerId(), settings.numberOfSlots(), interval, timeout);
            return;
        }
        String why = error != null ? String.valueOf(error.getCause() != null ? error.getCause() : error) : response.getReason();
        LOG.info("Registration of TaskManager {} at the ResourceManager failed ({}); retrying in {} ms", settings.taskManagerId(), why,
                backoffMillis);
        long next = Math.min(backoffMillis * 2, settings.registrationBackoffMax().toMillis());
        executor.schedule(() -> attemptRegistration(generation, next), backoffMillis, TimeUnit.MILLISECONDS);
    }

    private void scheduleTicker() {
        if (ticker != null) {
            ticker.cancel(false);
        }
        if (!closed) {
            ticker = executor.scheduleWithFixedDelay(this::tick, heartbeatIntervalMillis, heartbeatIntervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Every heartbeat interval: detect a silent JobManager, send a heartbeat when registered. */
    private void tick() {
        long silentMillis = lastContactNanos == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastContactNanos);
        if (lastContactNanos != 0 && silentMillis > heartbeatTimeoutMillis && !jobManagerLost) {
            jobManagerLost = true;
            cancelAllTasksAndFreeSlots("the JobManager has not answered for " + silentMillis + " ms (heartbeat.timeout "
                    + heartbeatTimeoutMillis + " ms)");
            registered = false;
            registering = false;
            register();
            return;
        }
        if (registered) {
            sendHeartbeat();
        }
    }

    private void sendHeartbeat() {
        int generation = connectionGeneration;
        HeartbeatRequest request = HeartbeatRequest.newBuilder().setTaskManagerId(settings.taskManagerId()).addAllSlots(slots.report()).build();
        CompletableFuture<HeartbeatResponse> answer;
        try {
            answer = resourceManager.heartbeat(request);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.orTimeout(Math.max(heartbeatTimeoutMillis, 1), TimeUnit.MILLISECONDS).whenCompleteAsync((response, error) -> {
            if (closed || generation != connectionGeneration || !registered) {
                return;
            }
            if (error != null) {
                LOG.debug("Heartbeat of TaskManager {} failed: {}", settings.taskManagerId(), error.toString());
                return;
            }
            if (!response.getKnown()) {
                LOG.warn("The ResourceManager no longer knows TaskManager {}; registering again", settings.taskManagerId());
                cancelAllTasksAndFreeSlots("the JobManager forgot this TaskManager");
                registered = false;
                register();
                return;
            }
            lastContactNanos = System.nanoTime();
        }, executor);
    }

    // ------------------------------------------------------------------ plumbing

    private <T> CompletableFuture<T> call(Supplier<T> action) {
        try {
            return CompletableFuture.supplyAsync(action, executor);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("TaskManager " + settings.taskManagerId() + " is shut down", e));
        }
    }

    /** Cancels all tasks, waits up to {@code timeout} for them to end, and stops the executor. */
    public void close(Duration timeout) {
        List<CompletableFuture<ExecutionState>> ends = new ArrayList<>();
        try {
            CompletableFuture.runAsync(() -> {
                closed = true;
                if (ticker != null) {
                    ticker.cancel(false);
                }
                for (Task t : tasks.values()) {
                    ends.add(t.getTerminationFuture());
                }
                cancelAllTasksAndFreeSlots("the TaskManager is shutting down");
            }, executor).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            CompletableFuture.allOf(ends.toArray(new CompletableFuture[0])).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("Tasks of TaskManager {} did not end within {}", settings.taskManagerId(), timeout);
        }
        executor.shutdownNow();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
