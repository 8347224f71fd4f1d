package dev.eddy.runtime.jobmanager.resourcemanager;

import dev.eddy.proto.ClusterOverview;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a JobMaster and the Dispatcher need from the ResourceManager. Thread-safe and non-blocking:
 * every method enqueues on the ResourceManager's thread and returns a future.
 */
public interface SlotAllocator {
    /**
     * Requests {@code count} slots for a job, all or nothing. Waits up to {@code timeout} for
     * TaskManagers to appear or slots to be freed, then fails with a {@link NoResourceAvailableException}.
     * Cancelling the returned future withdraws the request. The listener hears about lost
     * TaskManagers that hold slots of this job until all of its slots are released.
     */
    CompletableFuture<List<AllocatedSlot>> requestSlots(
            String jobId, int count, Duration timeout, TaskManagerLossListener listener);

    /** Returns slots of a job to the free pool. Unknown allocation ids are ignored. */
    CompletableFuture<Void> releaseSlots(String jobId, Collection<String> allocationIds);

    /** TaskManagers and slot counts; {@code jobs_running} is left 0 (the Dispatcher fills it in). */
    CompletableFuture<ClusterOverview> getClusterOverview();
}
