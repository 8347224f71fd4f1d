package dev.eddy.runtime.taskmanager.network.buffer;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The buffers of one result partition or one input gate: guaranteed {@code min} segments, at most
 * {@code max}, drawn from the TaskManager's {@link NetworkBufferPool}.
 *
 * <p>Up to {@code min} segments stay cached here once taken; segments above the minimum go back to
 * the global pool as soon as they are recycled so other pools can use them.
 *
 * <p>Threading: thread-safe (the global pool's lock). The producing task thread requests buffers
 * (blocking or not); any thread recycles them. After {@link #destroy()} requests fail and recycled
 * buffers go straight back to the global pool, so nothing leaks whatever order release and recycling
 * happen in.
 */
public final class LocalBufferPool implements BufferRecycler {
    private static final CompletableFuture<Void> AVAILABLE = CompletableFuture.completedFuture(null);

    private final NetworkBufferPool global;
    private final String owner;
    private final int min;
    private final int max;
    private final ArrayDeque<NetworkBuffer> cached = new ArrayDeque<>();
    private int numTaken;
    private boolean destroyed;
    /** Size of {@link #cached}, readable without the lock: the fast path of {@link #isAvailable()}. */
    private volatile int cachedCount;

    LocalBufferPool(NetworkBufferPool global, String owner, int min, int max) {
        this.global = global;
        this.owner = owner;
        this.min = min;
        this.max = max;
    }

    public int getMin() {
        return min;
    }

    public int getMax() {
        return max;
    }

    public int getSegmentSize() {
        return global.getSegmentSize();
    }

    /** Segments this pool holds (cached here or in use). */
    public int getNumberOfTakenSegments() {
        synchronized (global.lock) {
            return numTaken;
        }
    }

    /** A buffer with one reference, or null if none can be had without waiting. */
    public NetworkBuffer requestBuffer() throws IOException {
        synchronized (global.lock) {
            return tryTakeLocked();
        }
    }

    /** A buffer with one reference, waiting while the pool is exhausted (back-pressure). */
    public NetworkBuffer requestBufferBlocking() throws IOException, InterruptedException {
        synchronized (global.lock) {
            NetworkBuffer b;
            while ((b = tryTakeLocked()) == null) {
                global.addWaiterLocked();
                try {
                    global.lock.wait();
                } finally {
                    global.removeWaiterLocked();
                }
            }
            return b;
        }
    }

    private NetworkBuffer tryTakeLocked() throws IOException {
        if (destroyed) {
            throw new IOException("Buffer pool of " + owner + " was released; no more buffers can be requested");
        }
        NetworkBuffer b = cached.pollFirst();
        if (b != null) {
            cachedCount = cached.size();
        } else {
            if (numTaken < min) {
                b = global.takeReservedLocked();
            } else if (numTaken < max) {
                b = global.takeExcessLocked();
            }
            if (b == null) {
                return null;
            }
            numTaken++;
        }
        b.init(this);
        return b;
    }

    private boolean isAvailableLocked() {
        return destroyed || !cached.isEmpty() || numTaken < min
                || (numTaken < max && global.getNumberOfUnreservedSegmentsLocked() > 0);
    }

    /** True if {@link #requestBuffer()} would return a buffer now (or fail because the pool is released). */
    public boolean isAvailable() {
        if (cachedCount > 0) {
            // lock-free fast path, e.g. per record on the task thread; only the pool's single requester
            // takes from the cache, so it cannot become empty behind that requester's back
            return true;
        }
        synchronized (global.lock) {
            return isAvailableLocked();
        }
    }

    /** Completes when a buffer may be available; already complete if one is. */
    public CompletableFuture<Void> getAvailableFuture() {
        synchronized (global.lock) {
            if (isAvailableLocked()) {
                return AVAILABLE;
            }
            CompletableFuture<Void> f = new CompletableFuture<>();
            global.addAvailabilityListenerLocked(f);
            return f;
        }
    }

    @Override
    public void recycle(NetworkBuffer buffer) {
        List<CompletableFuture<Void>> wake;
        synchronized (global.lock) {
            if (destroyed || numTaken > min) {
                numTaken--;
                wake = global.returnSegmentLocked(buffer);
            } else {
                cached.addFirst(buffer);
                cachedCount = cached.size();
                wake = global.wakeLocked();
            }
        }
        NetworkBufferPool.complete(wake);
    }

    /** Returns cached segments and the unused reservation; buffers still in use return when released. Idempotent. */
    public void destroy() {
        List<CompletableFuture<Void>> wake;
        synchronized (global.lock) {
            if (destroyed) {
                return;
            }
            int deficit = Math.max(0, min - numTaken);
            destroyed = true;
            global.unreserveLocked(deficit);
            NetworkBuffer b;
            while ((b = cached.pollFirst()) != null) {
                numTaken--;
                global.putBackLocked(b);
            }
            cachedCount = 0;
            wake = global.wakeLocked();
        }
        NetworkBufferPool.complete(wake);
    }

    public boolean isDestroyed() {
        synchronized (global.lock) {
            return destroyed;
        }
    }

    @Override
    public String toString() {
        return "LocalBufferPool[" + owner + ", min " + min + ", max " + max + "]";
    }
}
