package dev.eddy.runtime.jobmanager.resourcemanager;

import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.HeartbeatManagerOptions;
import dev.eddy.proto.ClusterOverview;
import dev.eddy.proto.HeartbeatRequest;
import dev.eddy.proto.HeartbeatResponse;
import dev.eddy.proto.RegisterTaskManagerRequest;
import dev.eddy.proto.RegisterTaskManagerResponse;
import dev.eddy.runtime.gateway.ResourceManagerGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager's registry of TaskManagers and their slots.
 *
 * <p>Threading: all state is confined to one single-threaded scheduled executor owned by this
 * object. Every public method only enqueues work there and returns a future; listeners are called
 * from that thread. Lifecycle: {@link #start()} schedules the heartbeat check, {@link #close()}
 * stops the thread and fails pending slot requests.
 *
 * <p>Slots are handed out all-or-nothing per request, spread round-robin over TaskManagers in
 * registration order. The ResourceManager is the source of truth for allocations; the slot reports
 * in heartbeats are not used yet.
 */
public final class ResourceManager implements ResourceManagerGateway, SlotAllocator, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceManager.class);

    private final Duration heartbeatInterval;
    private final Duration heartbeatTimeout;
    private final LongSupplier clockMillis;
    private final ScheduledExecutorService executor;

    private final Map<String, TaskManagerRegistration> taskManagers = new LinkedHashMap<>();
    private final List<PendingRequest> pendingRequests = new ArrayList<>();
    private final Map<String, TaskManagerLossListener> lossListeners = new HashMap<>();
    private ScheduledFuture<?> heartbeatCheck;

    public ResourceManager(Duration heartbeatInterval, Duration heartbeatTimeout) {
        this(heartbeatInterval, heartbeatTimeout, () -> System.nanoTime() / 1_000_000);
    }

    ResourceManager(Duration heartbeatInterval, Duration heartbeatTimeout, LongSupplier clockMillis) {
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero() || heartbeatTimeout.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("heartbeat.timeout (" + heartbeatTimeout + ") must be longer than a positive heartbeat.interval ("
                    + heartbeatInterval + ")");
        }
        this.heartbeatInterval = heartbeatInterval;
        this.heartbeatTimeout = heartbeatTimeout;
        this.clockMillis = clockMillis;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "eddy-resourcemanager");
            t.setDaemon(true);
            return t;
        });
    }

    public static ResourceManager create(Configuration configuration) {
        return new ResourceManager(
                configuration.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL), configuration.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT));
    }

    /** Starts the periodic heartbeat check. */
    public ResourceManager start() {
        long period = Math.max(10, Math.min(heartbeatInterval.toMillis(), heartbeatTimeout.toMillis() / 4));
        heartbeatCheck = executor.scheduleWithFixedDelay(this::checkHeartbeats, period, period, TimeUnit.MILLISECONDS);
        return this;
    }

    // ------------------------------------------------------------------ TaskManager -> RM

    @Override
    public CompletableFuture<RegisterTaskManagerResponse> registerTaskManager(RegisterTaskManagerRequest request) {
        return call(() -> doRegister(request));
    }

    @Override
    public CompletableFuture<HeartbeatResponse> heartbeat(HeartbeatRequest request) {
        return call(() -> {
            TaskManagerRegistration tm = taskManagers.get(request.getTaskManagerId());
            if (tm == null) {
                LOG.debug("Heartbeat from unknown TaskManager {}; asking it to re-register", request.getTaskManagerId());
                return HeartbeatResponse.newBuilder().setKnown(false).build();
            }
            tm.lastHeartbeatMillis = clockMillis.getAsLong();
            return HeartbeatResponse.newBuilder().setKnown(true).build();
        });
    }

    private RegisterTaskManagerResponse doRegister(RegisterTaskManagerRequest request) {
        RegisterTaskManagerResponse.Builder response = RegisterTaskManagerResponse.newBuilder()
                .setHeartbeatIntervalMillis(heartbeatInterval.toMillis())
                .setHeartbeatTimeoutMillis(heartbeatTimeout.toMillis());
        String id = request.getTaskManagerId();
        if (id.isEmpty() || request.getRpcAddress().isEmpty() || request.getNumberOfSlots() <= 0) {
            return response.setAccepted(false)
                    .setReason("A TaskManager must register with an id, an RPC address and at least one slot; got id '" + id
                            + "', address '" + request.getRpcAddress() + "', " + request.getNumberOfSlots() + " slots")
                    .build();
        }
        long now = clockMillis.getAsLong();
        TaskManagerRegistration existing = taskManagers.get(id);
        if (existing != null) {
            existing.lastHeartbeatMillis = now;
            existing.rpcAddress = request.getRpcAddress();
            existing.dataAddress = request.getDataAddress();
            LOG.info("TaskManager {} ({}) registered again; keeping its slots", id, request.getRpcAddress());
            return response.setAccepted(true).build();
        }
        taskManagers.put(id, new TaskManagerRegistration(id, request.getRpcAddress(), request.getDataAddress(), request.getNumberOfSlots(), now));
        LOG.info("TaskManager {} registered: RPC {}, data {}, {} slots", id, request.getRpcAddress(), request.getDataAddress(),
                request.getNumberOfSlots());
        servePendingRequests();
        return response.setAccepted(true).build();
    }

    private void checkHeartbeats() {
        long now = clockMillis.getAsLong();
        List<TaskManagerRegistration> lost = new ArrayList<>();
        for (TaskManagerRegistration tm : taskManagers.values()) {
            if (now - tm.lastHeartbeatMillis > heartbeatTimeout.toMillis()) {
                lost.add(tm);
            }
        }
        for (TaskManagerRegistration tm : lost) {
            String message = tm.describe() + " lost: no heartbeat for " + TimeFormat.seconds(Duration.ofMillis(now - tm.lastHeartbeatMillis)) + " s";
            declareLost(tm, message);
        }
    }

    private void declareLost(TaskManagerRegistration tm, String message) {
        LOG.warn(message);
        taskManagers.remove(tm.taskManagerId);
        for (String jobId : tm.jobsWithSlots()) {
            TaskManagerLossListener listener = lossListeners.get(jobId);
            if (listener != null) {
                try {
                    listener.taskManagerLost(tm.taskManagerId, message);
                } catch (RuntimeException e) {
                    LOG.error("Listener of job {} failed on the loss of {}", jobId, tm.taskManagerId, e);
                }
            }
            dropListenerIfUnused(jobId);
        }
    }

    // ------------------------------------------------------------------ JobMaster -> RM

    @Override
    public CompletableFuture<List<AllocatedSlot>> requestSlots(String jobId, int count, Duration timeout, TaskManagerLossListener listener) {
        CompletableFuture<List<AllocatedSlot>> result = new CompletableFuture<>();
        executor.execute(() -> {
            PendingRequest request = new PendingRequest(jobId, count, timeout, result);
            lossListeners.put(jobId, listener);
            pendingRequests.add(request);
            servePendingRequests();
            if (!result.isDone()) {
                LOG.info("Job {} waits up to {} for {} slots ({} free)", jobId, timeout, count, freeSlots());
                request.timeoutTask = executor.schedule(() -> timeOut(request), timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        return result;
    }

    @Override
    public CompletableFuture<Void> releaseSlots(String jobId, Collection<String> allocationIds) {
        List<String> ids = List.copyOf(allocationIds);
        return call(() -> {
            int freed = 0;
            for (String allocationId : ids) {
                for (TaskManagerRegistration tm : taskManagers.values()) {
                    if (tm.free(allocationId, jobId)) {
                        freed++;
                        break;
                    }
                }
            }
            LOG.info("Job {} released {} of {} slots", jobId, freed, ids.size());
            dropListenerIfUnused(jobId);
            servePendingRequests();
            return null;
        });
    }

    @Override
    public CompletableFuture<ClusterOverview> getClusterOverview() {
        return call(() -> {
            ClusterOverview.Builder b = ClusterOverview.newBuilder();
            int total = 0;
            for (TaskManagerRegistration tm : taskManagers.values()) {
                b.addTaskManagers(tm.toInfo());
                total += tm.numberOfSlots();
            }
            return b.setSlotsTotal(total).setSlotsFree(freeSlots()).build();
        });
    }

    private void servePendingRequests() {
        Iterator<PendingRequest> it = pendingRequests.iterator();
        while (it.hasNext()) {
            PendingRequest request = it.next();
            if (request.result.isDone()) { // withdrawn by the job
                it.remove();
                request.cancelTimeout();
                dropListenerIfUnused(request.jobId);
                continue;
            }
            if (freeSlots() >= request.count) {
                it.remove();
                request.cancelTimeout();
                List<AllocatedSlot> slots = allocateRoundRobin(request.jobId, request.count);
                if (!request.result.complete(slots)) {
                    undo(request.jobId, slots); // withdrawn concurrently
                }
            }
        }
    }

    private List<AllocatedSlot> allocateRoundRobin(String jobId, int count) {
        List<AllocatedSlot> slots = new ArrayList<>(count);
        while (slots.size() < count) {
            for (TaskManagerRegistration tm : taskManagers.values()) {
                int free = tm.firstFreeSlot();
                if (free >= 0 && slots.size() < count) {
                    slots.add(tm.allocate(free, newAllocationId(), jobId));
                }
            }
        }
        LOG.info("Allocated {} slots to job {}: {}", count, jobId, slots);
        return slots;
    }

    private void undo(String jobId, List<AllocatedSlot> slots) {
        for (AllocatedSlot s : slots) {
            TaskManagerRegistration tm = taskManagers.get(s.taskManagerId());
            if (tm != null) {
                tm.free(s.allocationId(), jobId);
            }
        }
        dropListenerIfUnused(jobId);
    }

    private void timeOut(PendingRequest request) {
        if (!pendingRequests.remove(request)) {
            return;
        }
        if (request.result.isDone()) { // withdrawn by the job
            dropListenerIfUnused(request.jobId);
            return;
        }
        int total = 0;
        for (TaskManagerRegistration tm : taskManagers.values()) {
            total += tm.numberOfSlots();
        }
        String message = "Could not allocate the required slots within slot.request.timeout (" + TimeFormat.seconds(request.timeout)
                + " s): the job needs " + request.count + " slots, " + freeSlots() + " free (" + taskManagers.size()
                + " TaskManagers, " + total + " slots in total)";
        LOG.warn("Job {}: {}", request.jobId, message);
        request.result.completeExceptionally(new NoResourceAvailableException(message));
        dropListenerIfUnused(request.jobId);
    }

    private void dropListenerIfUnused(String jobId) {
        for (TaskManagerRegistration tm : taskManagers.values()) {
            if (tm.hasSlotsOf(jobId)) {
                return;
            }
        }
        for (PendingRequest p : pendingRequests) {
            if (p.jobId.equals(jobId)) {
                return;
            }
        }
        lossListeners.remove(jobId);
    }

    private int freeSlots() {
        int free = 0;
        for (TaskManagerRegistration tm : taskManagers.values()) {
            free += tm.freeSlots();
        }
        return free;
    }

    private static String newAllocationId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private <T> CompletableFuture<T> call(Supplier<T> action) {
        try {
            return CompletableFuture.supplyAsync(action, executor);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("The ResourceManager is shut down", e));
        }
    }

    @Override
    public void close() {
        executor.execute(() -> {
            if (heartbeatCheck != null) {
                heartbeatCheck.cancel(false);
            }
            for (PendingRequest p : pendingRequests) {
                p.result.completeExceptionally(new IllegalStateException("The ResourceManager shut down"));
            }
            pendingRequests.clear();
        });
        executor.shutdown();
    }

    /** A slot request waiting for enough free slots. RM-thread confined. */
    private static final class PendingRequest {
        final String jobId;
        final int count;
        final Duration timeout;
        final CompletableFuture<List<AllocatedSlot>> result;
        ScheduledFuture<?> timeoutTask;

        PendingRequest(String jobId, int count, Duration timeout, CompletableFuture<List<AllocatedSlot>> result) {
            this.jobId = jobId;
            this.count = count;
            this.timeout = timeout;
            this.result = result;
        }

        void cancelTimeout() {
            if (timeoutTask != null) {
                timeoutTask.cancel(false);
            }
        }
    }
}
