package dev.eddy.runtime.taskmanager.network.gate;

import dev.eddy.runtime.taskmanager.network.InputChannelSpec;
import dev.eddy.runtime.taskmanager.network.InputGate;
import dev.eddy.runtime.taskmanager.network.buffer.BufferSlice;
import dev.eddy.runtime.taskmanager.network.buffer.LocalBufferPool;
import dev.eddy.runtime.taskmanager.network.buffer.NetworkBufferPool;
import dev.eddy.runtime.taskmanager.network.netty.NettyClient;
import dev.eddy.runtime.taskmanager.network.partition.PartitionRegistry;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * An input gate over local and remote channels.
 *
 * <p>Channels with data wait in a FIFO queue; {@link #pollNext()} takes one buffer from the head
 * channel and puts that channel back at the tail, so channels take turns buffer by buffer.
 *
 * <p>A channel may be blocked for checkpoint barrier alignment ({@link #blockChannel}): it leaves the
 * queue and is not re-queued by notifications until {@link #unblockChannel}; the rest of the buffer
 * the reader was reading is kept here and handed out first afterwards.
 *
 * <p>Availability is race-free: a channel that gets data enqueues itself and completes the current
 * future under/after the gate lock; {@link #getAvailableFuture()} hands out a fresh future only while
 * the queue is empty (checked under the same lock), so a notification between a failed poll and the
 * call to {@code getAvailableFuture} is never lost.
 *
 * <p>Threading: the task thread polls; channels notify from Netty, producer or scheduler threads;
 * {@link #close()} may come from any thread. Memory: remote channels draw exclusive buffers
 * ({@code buffers-per-channel} each, reserved as the pool's minimum) and floating buffers
 * ({@code floating-buffers-per-gate}, above the minimum) from this gate's pool; local channels need
 * none.
 */
public final class SingleInputGate implements InputGate {
    /** How long a channel retries a partition that is not registered yet, unless configured otherwise. */
    public static final java.time.Duration DEFAULT_REQUEST_TIMEOUT = java.time.Duration.ofSeconds(30);
    private static final CompletableFuture<Void> AVAILABLE = CompletableFuture.completedFuture(null);

    private final String ownerTaskName;
    private final InputChannel[] channels;
    private final LocalBufferPool pool;
    private final ArrayDeque<InputChannel> withData = new ArrayDeque<>();
    private final List<RemoteInputChannel> floatingWaiters = new ArrayList<>();
    private boolean floatingListenerRegistered;
    private CompletableFuture<Void> availability = new CompletableFuture<>();
    private boolean closed;
    private volatile BufferSlice lastHandedOut;
    /** Guarded by {@code this}: channels blocked for alignment, and the unread rest of their last buffer. */
    private final boolean[] blocked;
    private final BufferSlice[] pushedBack;
    private final java.time.Duration requestTimeout;

    public SingleInputGate(String ownerTaskName, List<InputChannelSpec> specs, String taskManagerId, PartitionRegistry registry,
            NettyClient client, NetworkBufferPool networkBufferPool, ScheduledExecutorService scheduler, int buffersPerChannel,
            int floatingBuffersPerGate, java.time.Duration requestTimeout) {
        this.ownerTaskName = ownerTaskName;
        this.requestTimeout = requestTimeout;
        int remote = 0;
        for (InputChannelSpec s : specs) {
            if (!Objects.equals(s.producerTaskManagerId(), taskManagerId)) {
                remote++;
            }
        }
        this.pool = remote == 0 ? null
                : networkBufferPool.createLocalPool("input gate of " + ownerTaskName, remote * buffersPerChannel,
                        remote * buffersPerChannel + floatingBuffersPerGate);
        this.channels = new InputChannel[specs.size()];
        this.blocked = new boolean[specs.size()];
        this.pushedBack = new BufferSlice[specs.size()];
        try {
            for (int i = 0; i < specs.size(); i++) {
                InputChannelSpec s = specs.get(i);
                if (Objects.equals(s.producerTaskManagerId(), taskManagerId)) {
                    channels[i] = new LocalInputChannel(this, i, s, registry, scheduler, taskManagerId);
                } else {
                    RemoteInputChannel rc = new RemoteInputChannel(this, i, s, client, pool, scheduler, buffersPerChannel);
                    channels[i] = rc;
                    rc.assignExclusiveBuffers();
                }
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Starts requesting every channel's subpartition. Called once after construction. */
    public void start() {
        for (InputChannel c : channels) {
            c.start();
        }
    }

    long requestTimeoutNanos() {
        return requestTimeout.toNanos();
    }

    /** The request timeout as written in failure messages ("30 s", "500 ms"). */
    String describeRequestTimeout() {
        long ms = requestTimeout.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    @Override
    public int getNumberOfChannels() {
        return channels.length;
    }

    /** The gate's buffer pool, or null if all channels are local. */
    public LocalBufferPool getBufferPool() {
        return pool;
    }

    void notifyChannelNonEmpty(InputChannel channel) {
        CompletableFuture<Void> toComplete;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (!channel.queued && !blocked[channel.index]) {
                channel.queued = true;
                withData.addLast(channel);
            }
            toComplete = availability;
        }
        toComplete.complete(null);
    }

    @Override
    public void blockChannel(int channelIndex, BufferSlice unread) {
        boolean release = false;
        synchronized (this) {
            if (closed) {
                release = true;
            } else {
                if (pushedBack[channelIndex] != null) {
                    throw new IllegalStateException("Channel " + channelIndex + " of the input gate of " + ownerTaskName
                            + " already holds an unread buffer; it was blocked twice without being unblocked");
                }
                blocked[channelIndex] = true;
                pushedBack[channelIndex] = unread;
                InputChannel c = channels[channelIndex];
                if (c.queued) {
                    c.queued = false;
                    withData.remove(c);
                }
            }
        }
        if (release && unread != null) {
            unread.release();
        }
    }

    @Override
    public void unblockChannel(int channelIndex) {
        CompletableFuture<Void> toComplete;
        synchronized (this) {
            if (closed || !blocked[channelIndex]) {
                return;
            }
            blocked[channelIndex] = false;
            InputChannel c = channels[channelIndex];
            if (!c.queued) {
                // it may or may not have data: a spurious turn costs one empty poll
                c.queued = true;
                withData.addLast(c);
            }
            toComplete = availability;
        }
        toComplete.complete(null);
    }

    @Override
    public BufferSlice pollNext() throws IOException {
        while (true) {
            InputChannel channel;
            synchronized (this) {
                if (closed) {
                    throw new IOException("Input gate of " + ownerTaskName + " is closed");
                }
                channel = withData.pollFirst();
                if (channel == null) {
                    return null;
                }
                channel.queued = false;
                BufferSlice back = pushedBack[channel.index];
                if (back != null) {
                    pushedBack[channel.index] = null;
                    channel.queued = true;
                    withData.addLast(channel);
                    lastHandedOut = back;
                    return back.withChannelIndex(channel.index);
                }
            }
            BufferSlice slice = channel.poll();
            if (slice != null) {
                synchronized (this) {
                    if (!channel.queued && !closed && !blocked[channel.index]) {
                        channel.queued = true;
                        withData.addLast(channel);
                    }
                }
                lastHandedOut = slice;
                return slice.withChannelIndex(channel.index);
            }
        }
    }

    @Override
    public CompletableFuture<Void> getAvailableFuture() {
        synchronized (this) {
            if (closed || !withData.isEmpty()) {
                return AVAILABLE;
            }
            if (availability.isDone()) {
                availability = new CompletableFuture<>();
            }
            return availability;
        }
    }

    /** The reader saw END_OF_PARTITION on this channel: its buffers can go now. Task thread. */
    public void channelEnded(int channelIndex) {
        channels[channelIndex].release();
    }

    void waitForFloatingBuffers(RemoteInputChannel channel) {
        CompletableFuture<Void> f = null;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (!floatingWaiters.contains(channel)) {
                floatingWaiters.add(channel);
            }
            if (!floatingListenerRegistered) {
                floatingListenerRegistered = true;
                f = pool.getAvailableFuture();
            }
        }
        if (f != null) {
            f.thenRun(this::onFloatingBuffersAvailable);
        }
    }

    private void onFloatingBuffersAvailable() {
        List<RemoteInputChannel> waiting;
        synchronized (this) {
            floatingListenerRegistered = false;
            waiting = new ArrayList<>(floatingWaiters);
            floatingWaiters.clear();
        }
        for (RemoteInputChannel c : waiting) {
            c.requestFloatingBuffersIfNeeded();
        }
    }

    @Override
    public void close() {
        CompletableFuture<Void> toComplete;
        List<BufferSlice> unread = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            withData.clear();
            floatingWaiters.clear();
            toComplete = availability;
            for (int i = 0; i < pushedBack.length; i++) {
                if (pushedBack[i] != null) {
                    unread.add(pushedBack[i]);
                    pushedBack[i] = null;
                }
            }
        }
        for (BufferSlice s : unread) {
            s.release();
        }
        for (InputChannel c : channels) {
            if (c != null) {
                c.release();
            }
        }
        BufferSlice last = lastHandedOut;
        if (last != null) {
            last.release();
        }
        if (pool != null) {
            pool.destroy();
        }
        toComplete.complete(null);
    }
}
