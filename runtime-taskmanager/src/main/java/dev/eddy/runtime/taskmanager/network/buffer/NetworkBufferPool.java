package dev.eddy.runtime.taskmanager.network.buffer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The TaskManager's bounded supply of network buffers: {@code totalSegments} segments of
 * {@code segmentSize} bytes, shared by the {@link LocalBufferPool}s of all result partitions and
 * input gates of the TaskManager.
 *
 * <p><b>Heap segments, allocated lazily.</b> Segments are plain {@code byte[]}s created on first
 * demand and kept for reuse afterwards (never more than {@code totalSegments}). Heap arrays make
 * record (de)serialization plain array access, cost no native memory that could leak when a task is
 * killed, and cost nothing for a TaskManager that never exchanges data. The price is one copy into
 * Netty's direct memory when a buffer is written to a socket, which the socket write would need
 * anyway for a pooled direct buffer of its own.
 *
 * <p><b>Guarantees.</b> Each local pool has a minimum that is reserved when it is created (creation
 * fails with "Insufficient number of network buffers" if the reservation cannot be met) and a
 * maximum; segments above the minimum come from the unreserved rest, so one task cannot starve
 * another below its minimum. Invariant: {@code free >= reserved}, where {@code free} counts segments
 * not held by any local pool and {@code reserved} sums what live pools are guaranteed but have not
 * taken yet.
 *
 * <p><b>Threading.</b> Thread-safe. All accounting of this pool and of its local pools happens
 * under one lock ({@link #lock}); operations are per buffer, never per record. Waiters (blocked
 * producers) wait on that lock; availability futures are completed outside it.
 */
public final class NetworkBufferPool {
    final Object lock = new Object();
    private final int segmentSize;
    private final int totalSegments;
    private final ArrayDeque<NetworkBuffer> freeSegments = new ArrayDeque<>();
    private int unallocated;
    private int free;
    private int reserved;
    private int waiters;
    private final List<CompletableFuture<Void>> availabilityListeners = new ArrayList<>();
    private boolean destroyed;

    public NetworkBufferPool(int totalSegments, int segmentSize) {
        if (totalSegments <= 0 || segmentSize <= 0) {
            throw new IllegalArgumentException("Network buffer pool needs positive segment count and size, got "
                    + totalSegments + " segments of " + segmentSize + " bytes");
        }
        this.totalSegments = totalSegments;
        this.segmentSize = segmentSize;
        this.unallocated = totalSegments;
        this.free = totalSegments;
    }

    public int getSegmentSize() {
        return segmentSize;
    }

    public int getTotalSegments() {
        return totalSegments;
    }

    /** Segments not held by any local pool. */
    public int getNumberOfFreeSegments() {
        synchronized (lock) {
            return free;
        }
    }

    /** Segments that a new local pool could still reserve as its minimum. */
    public int getNumberOfUnreservedSegments() {
        synchronized (lock) {
            return free - reserved;
        }
    }

    /**
     * Creates a local pool that is guaranteed {@code min} segments and may grow to {@code max}.
     *
     * @throws InsufficientNetworkBuffersException if {@code min} cannot be reserved
     */
    public LocalBufferPool createLocalPool(String owner, int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("Buffer pool of " + owner + " needs 0 <= min <= max, got min " + min + ", max " + max);
        }
        synchronized (lock) {
            if (destroyed) {
                throw new IllegalStateException("The network buffer pool is shut down; cannot create a buffer pool for " + owner);
            }
            int available = free - reserved;
            if (min > available) {
                throw new InsufficientNetworkBuffersException(min, available);
            }
            reserved += min;
            return new LocalBufferPool(this, owner, min, max);
        }
    }

    // ---- called by LocalBufferPool with lock held ----

    /** Takes a segment for a pool below its minimum (always possible: it was reserved). */
    NetworkBuffer takeReservedLocked() {
        reserved--;
        return takeSegmentLocked();
    }

    /** Takes a segment above a pool's minimum, or returns null when only reserved segments are left. */
    NetworkBuffer takeExcessLocked() {
        if (free - reserved <= 0) {
            return null;
        }
        return takeSegmentLocked();
    }

    private NetworkBuffer takeSegmentLocked() {
        free--;
        NetworkBuffer seg = freeSegments.pollFirst();
        if (seg == null) {
            unallocated--;
            seg = new NetworkBuffer(new byte[segmentSize]);
        }
        return seg;
    }

    /** Returns a segment to the global pool and wakes waiters; returns futures to complete outside the lock. */
    List<CompletableFuture<Void>> returnSegmentLocked(NetworkBuffer segment) {
        putBackLocked(segment);
        return wakeLocked();
    }

    void putBackLocked(NetworkBuffer segment) {
        if (!destroyed) {
            freeSegments.addFirst(segment);
        }
        free++;
    }

    int getNumberOfUnreservedSegmentsLocked() {
        return free - reserved;
    }

    void unreserveLocked(int n) {
        reserved -= n;
    }

    void addWaiterLocked() {
        waiters++;
    }

    void removeWaiterLocked() {
        waiters--;
    }

    /** Registers a future completed the next time segments come back to the global pool. */
    void addAvailabilityListenerLocked(CompletableFuture<Void> future) {
        availabilityListeners.add(future);
    }

    List<CompletableFuture<Void>> wakeLocked() {
        if (waiters > 0) {
            lock.notifyAll();
        }
        if (availabilityListeners.isEmpty()) {
            return List.of();
        }
        List<CompletableFuture<Void>> toComplete = new ArrayList<>(availabilityListeners);
        availabilityListeners.clear();
        return toComplete;
    }

    static void complete(List<CompletableFuture<Void>> futures) {
        for (CompletableFuture<Void> f : futures) {
            f.complete(null);
        }
    }

    /** Drops cached segments; later returns still work. Called when the TaskManager's data plane closes. */
    public void destroy() {
        synchronized (lock) {
            destroyed = true;
            freeSegments.clear();
        }
    }
}
