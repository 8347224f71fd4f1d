package dev.eddy.runtime.taskmanager.network.buffer;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fixed-size memory segment of the TaskManager's network buffer pool, reference counted.
 *
 * <p>A buffer is handed out with one reference. Readers of part of it (a {@link BufferSlice})
 * take their own reference with {@link #retain()}. When the last reference is released the
 * buffer goes back to its {@link BufferRecycler} (its local pool, or an input channel that
 * re-announces it as credit). Reference counting is per buffer, never per record.
 *
 * <p>The bytes are written by exactly one thread at a time (the task thread producing into it, or
 * the Netty thread copying received data into it); readers only read ranges that were published
 * to them under a lock, so the monitor hand-off gives the needed happens-before edge.
 */
public final class NetworkBuffer {
    private final byte[] segment;
    private final AtomicInteger refCnt = new AtomicInteger();
    private volatile BufferRecycler recycler;

    NetworkBuffer(byte[] segment) {
        this.segment = segment;
    }

    public byte[] array() {
        return segment;
    }

    public int capacity() {
        return segment.length;
    }

    /** Resets to one reference owned by {@code owner}; called when a pool or channel hands the buffer out. */
    public void init(BufferRecycler owner) {
        this.recycler = owner;
        refCnt.set(1);
    }

    /** Changes who takes the buffer back when its last reference is released (e.g. an input channel). */
    public void setRecycler(BufferRecycler owner) {
        this.recycler = owner;
    }

    public BufferRecycler recycler() {
        return recycler;
    }

    public NetworkBuffer retain() {
        int before = refCnt.getAndIncrement();
        if (before <= 0) {
            refCnt.getAndDecrement();
            throw new IllegalStateException("Network buffer retained after it was recycled (reference count " + before + ")");
        }
        return this;
    }

    /** Drops one reference; the last one recycles the buffer. */
    public void release() {
        int after = refCnt.decrementAndGet();
        if (after == 0) {
            recycler.recycle(this);
        } else if (after < 0) {
            throw new IllegalStateException("Network buffer released more often than retained");
        }
    }

    public int refCnt() {
        return refCnt.get();
    }
}
