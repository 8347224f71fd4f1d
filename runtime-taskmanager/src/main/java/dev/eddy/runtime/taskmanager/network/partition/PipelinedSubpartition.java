package dev.eddy.runtime.taskmanager.network.partition;

import dev.eddy.runtime.taskmanager.network.buffer.BufferSlice;
import dev.eddy.runtime.taskmanager.network.buffer.LocalBufferPool;
import dev.eddy.runtime.taskmanager.network.buffer.NetworkBuffer;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;

/**
 * The queue of buffers between the producing task thread and the one consumer of a subpartition
 * (a Netty writer or a local input channel).
 *
 * <p><b>Writer side</b> (task thread only): {@link #append} copies serialized element bytes into the
 * tail buffer, taking new buffers from the partition's pool (waiting when it is exhausted); a full
 * buffer is sealed and visible at once. {@link #flush()} publishes the written part of the tail
 * buffer without sealing it, so the writer keeps filling the same buffer: a flush after every record
 * (buffer timeout 0) costs one short lock and hands out a small slice, not a new buffer.
 *
 * <p><b>Flushing from another thread</b>: {@link #flushFromAnyThread()} (the buffer-timeout timer)
 * publishes what the writer has appended so far without involving the writer: after each append the
 * writer stores its position in the tail buffer with release semantics ({@code Builder.written}),
 * and the flusher publishes up to that position under the monitor. The writer is never stopped or
 * handed a mail for it, which matters for a legacy source whose thread emits under the checkpoint
 * lock. A published range may end inside an element; consumers reassemble elements across slices.
 *
 * <p><b>Consumer side</b> (any one thread at a time): {@link #poll()} returns the next published byte
 * range as a {@link BufferSlice} holding its own buffer reference. When it finds nothing it records
 * that the consumer waits; the next publication then calls the {@link DataAvailabilityListener}
 * (outside the lock), so no wake-up is lost.
 *
 * <p><b>Backlog</b>: the number of sealed buffers still queued, reported with each slice so the
 * receiver can ask for floating buffers.
 *
 * <p>Monitor: {@code this} guards the queue, the published positions and the flags. Element bytes
 * are written outside the lock and published by the lock hand-off.
 */
public final class PipelinedSubpartition {
    private final ResultPartition parent;
    private final int index;
    private final ArrayDeque<Builder> queue = new ArrayDeque<>();

    // consumer state, guarded by this
    private int readPos;
    private int sealedCount;
    private boolean finished;
    private boolean released;
    /** Where {@link #released} was set, attached to the consumer's error (diagnostics; release path only). */
    private Throwable releasedAt;
    private boolean consumed;
    private boolean viewCreated;
    private boolean consumerWaiting;
    private DataAvailabilityListener listener;

    // writer state, task thread only
    private Builder current;
    private int writePos;
    private volatile boolean releasedForWriter;

    private static final class Builder {
        private static final VarHandle WRITTEN;

        static {
            try {
                WRITTEN = MethodHandles.lookup().findVarHandle(Builder.class, "written", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final NetworkBuffer buffer;
        /** Published to the consumer; written under the subpartition's monitor, read racily by the writer's fast path. */
        volatile int committed;
        /** Bytes the writer has appended; stored with release semantics by the writer, read with acquire by a flusher. */
        @SuppressWarnings("unused")
        private int written;
        /** Guarded by the subpartition's monitor. */
        boolean sealed;

        Builder(NetworkBuffer buffer) {
            this.buffer = buffer;
        }
    }

    PipelinedSubpartition(ResultPartition parent, int index) {
        this.parent = parent;
        this.index = index;
    }

    public int getIndex() {
        return index;
    }

    // ------------------------------------------------------------------ writer side

    /** Copies {@code length} bytes of {@code src} in; waits for buffers while the pool is exhausted. */
    void append(byte[] src, int length, LocalBufferPool pool) throws IOException, InterruptedException {
        if (releasedForWriter) {
            throw new IOException(parent.describe(index) + " was released; cannot write to it");
        }
        int off = 0;
        while (off < length) {
            if (current == null) {
                startBuffer(pool.requestBufferBlocking());
            }
            byte[] seg = current.buffer.array();
            int n = Math.min(length - off, seg.length - writePos);
            System.arraycopy(src, off, seg, writePos, n);
            writePos += n;
            off += n;
            if (writePos == seg.length) {
                sealCurrent();
            } else {
                Builder.WRITTEN.setRelease(current, writePos);
            }
        }
    }

    /** True if the tail buffer has room, so {@link #append} of a small element will not wait. */
    boolean hasWritableBuffer() {
        return current != null;
    }

    private void startBuffer(NetworkBuffer buffer) throws IOException {
        Builder b = new Builder(buffer);
        synchronized (this) {
            if (released) {
                buffer.release();
                throw new IOException(parent.describe(index) + " was released; cannot write to it");
            }
            queue.addLast(b);
        }
        current = b;
        writePos = 0;
    }

    private void sealCurrent() {
        Builder b = current;
        current = null;
        DataAvailabilityListener notify;
        synchronized (this) {
            b.committed = writePos;
            b.sealed = true;
            sealedCount++;
            notify = takeWaitingListenerLocked();
        }
        if (notify != null) {
            notify.notifyDataAvailable();
        }
    }

    /** Publishes what was written to the tail buffer; cheap when nothing new was written. Writer thread. */
    void flush() {
        Builder b = current;
        if (b == null || b.committed == writePos) {
            return;
        }
        DataAvailabilityListener notify;
        synchronized (this) {
            b.committed = writePos;
            notify = takeWaitingListenerLocked();
        }
        if (notify != null) {
            notify.notifyDataAvailable();
        }
    }

    /**
     * Publishes what the writer has appended to the tail buffer so far, from any thread, without
     * waiting for or disturbing the writer (see the class comment). Takes the monitor once.
     */
    void flushFromAnyThread() {
        DataAvailabilityListener notify;
        synchronized (this) {
            Builder b = queue.peekLast();
            if (b == null || b.sealed) {
                return;
            }
            int written = (int) Builder.WRITTEN.getAcquire(b);
            if (written <= b.committed) {
                return;
            }
            b.committed = written;
            notify = takeWaitingListenerLocked();
        }
        if (notify != null) {
            notify.notifyDataAvailable();
        }
    }

    /** Seals the tail buffer and marks the subpartition finished (after END_OF_PARTITION was appended). */
    void finish() {
        if (current != null) {
            sealCurrent();
        }
        DataAvailabilityListener notify;
        synchronized (this) {
            finished = true;
            notify = takeWaitingListenerLocked();
        }
        if (notify != null) {
            notify.notifyDataAvailable();
        }
    }

    private DataAvailabilityListener takeWaitingListenerLocked() {
        if (consumerWaiting && listener != null) {
            consumerWaiting = false;
            return listener;
        }
        return null;
    }

    // ------------------------------------------------------------------ consumer side

    /** Attaches the one consumer. */
    synchronized void createView(DataAvailabilityListener availabilityListener) throws IOException {
        if (released) {
            throw new IOException(parent.describe(index) + " was already released");
        }
        if (viewCreated) {
            throw new IOException(parent.describe(index) + " is already being consumed; a subpartition has one consumer");
        }
        viewCreated = true;
        listener = availabilityListener;
    }

    /**
     * The next published bytes, or null if none (the listener is then called on the next publication).
     *
     * @throws IOException if the producer released the partition before finishing it
     */
    public BufferSlice poll() throws IOException {
        BufferSlice slice = null;
        boolean nowConsumed = false;
        synchronized (this) {
            if (released) {
                throw new IOException(parent.describe(index) + " was released by its producer before it finished"
                        + " (the producing task failed or was canceled)", releasedAt);
            }
            Builder head;
            while ((head = queue.peekFirst()) != null) {
                int avail = head.committed - readPos;
                if (head.sealed) {
                    queue.pollFirst();
                    sealedCount--;
                    int from = readPos;
                    readPos = 0;
                    if (avail > 0) {
                        slice = new BufferSlice(head.buffer, from, avail, sealedCount);
                        break;
                    }
                    head.buffer.release();
                } else if (avail > 0) {
                    slice = new BufferSlice(head.buffer.retain(), readPos, avail, sealedCount);
                    readPos = head.committed;
                    break;
                } else {
                    break;
                }
            }
            if (finished && queue.isEmpty() && !consumed) {
                consumed = true;
                nowConsumed = true;
            }
            if (slice == null && !consumed) {
                consumerWaiting = true;
            }
        }
        if (nowConsumed) {
            parent.onSubpartitionConsumed();
        }
        return slice;
    }

    /** True once everything up to END_OF_PARTITION was handed to the consumer. */
    public synchronized boolean isConsumed() {
        return consumed;
    }

    public synchronized int getBacklog() {
        return sealedCount;
    }

    /** The consumer goes away (cancel, lost connection): frees the queued buffers. Idempotent. */
    public void releaseView() {
        boolean nowConsumed;
        synchronized (this) {
            nowConsumed = !consumed;
            if (!finished) {
                released = true;
                releasedAt = new Throwable("released by the consumer (releaseView) in thread " + Thread.currentThread().getName());
                releasedForWriter = true;
            }
            consumed = true;
            releaseBuffersLocked();
        }
        if (nowConsumed) {
            parent.onSubpartitionConsumed();
        }
    }

    /** The producer releases the partition: frees buffers and tells a waiting consumer. */
    void release() {
        DataAvailabilityListener notify;
        synchronized (this) {
            releasedForWriter = true;
            boolean wasConsumed = consumed;
            releaseBuffersLocked();
            released = !wasConsumed || !finished;
            if (released) {
                releasedAt = new Throwable("released by the producer (finished=" + finished + ", consumed=" + wasConsumed
                        + ") in thread " + Thread.currentThread().getName());
            }
            notify = listener;
            consumerWaiting = false;
        }
        if (notify != null) {
            notify.notifyDataAvailable();
        }
    }

    private void releaseBuffersLocked() {
        Builder b;
        while ((b = queue.pollFirst()) != null) {
            b.buffer.release();
        }
        sealedCount = 0;
        readPos = 0;
    }
}
