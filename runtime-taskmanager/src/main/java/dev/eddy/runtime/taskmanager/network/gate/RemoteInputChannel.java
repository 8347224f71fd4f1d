package dev.eddy.runtime.taskmanager.network.gate;

import dev.eddy.runtime.taskmanager.network.InputChannelSpec;
import dev.eddy.runtime.taskmanager.network.buffer.BufferRecycler;
import dev.eddy.runtime.taskmanager.network.buffer.BufferSlice;
import dev.eddy.runtime.taskmanager.network.buffer.LocalBufferPool;
import dev.eddy.runtime.taskmanager.network.buffer.NetworkBuffer;
import dev.eddy.runtime.taskmanager.network.netty.ClientConnection;
import dev.eddy.runtime.taskmanager.network.netty.NettyClient;
import dev.eddy.runtime.taskmanager.network.netty.RemoteReceiver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a subpartition of a producer on another TaskManager over the shared Netty connection, with
 * credit-based flow control.
 *
 * <p><b>Credit.</b> The channel owns {@code exclusive} buffers for its whole life and announces them
 * as the initial credit of its request. Every free buffer it holds is credit the sender may use.
 * When a received buffer is recycled (the reader is done with it) it becomes free again and is
 * announced with ADD_CREDIT. When the sender's reported backlog exceeds the free buffers, the channel
 * asks the gate's pool for floating buffers (without waiting; if the pool is empty the gate calls
 * back when buffers return) and announces those too; a floating buffer goes back to the pool when it
 * is recycled and the backlog no longer needs it. So the memory a channel uses is bounded by the
 * gate's pool, whatever the sender's rate.
 *
 * <p><b>Threading.</b> {@code this} guards the buffer queues, credit counters and the connection
 * state. Netty's event loop delivers buffers and errors; the task thread polls and recycles; the
 * gate's pool callbacks may run on any thread. No pool call is made while holding {@code this}.
 */
final class RemoteInputChannel extends InputChannel implements RemoteReceiver, BufferRecycler {
    private static final AtomicLong NEXT_RECEIVER_ID = new AtomicLong();

    private final NettyClient client;
    private final InetSocketAddress address;
    private final LocalBufferPool pool;
    private final ScheduledExecutorService scheduler;
    private final int exclusive;

    private final ArrayDeque<NetworkBuffer> free = new ArrayDeque<>();
    private final ArrayDeque<BufferSlice> received = new ArrayDeque<>();
    private int held;
    private int unannounced;
    private int senderBacklog;
    private int expectedSequence;
    private long receiverId = -1;
    private ClientConnection connection;
    private IOException failure;
    private boolean released;
    private long deadline;
    private long backoffMillis = 10;

    RemoteInputChannel(SingleInputGate gate, int index, InputChannelSpec spec, NettyClient client, LocalBufferPool pool,
            ScheduledExecutorService scheduler, int exclusive) {
        super(gate, index, spec);
        this.client = client;
        this.pool = pool;
        this.scheduler = scheduler;
        this.exclusive = exclusive;
        this.address = parseAddress(spec.producerDataAddress());
    }

    static InetSocketAddress parseAddress(String hostPort) {
        int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Producer data address must be host:port, was '" + hostPort + "'");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** Takes the exclusive buffers (guaranteed by the gate pool's minimum). Called before {@link #start()}. */
    void assignExclusiveBuffers() throws IOException {
        for (int i = 0; i < exclusive; i++) {
            NetworkBuffer b = pool.requestBuffer();
            if (b == null) {
                throw new IllegalStateException("Input gate pool cannot provide the exclusive buffers of channel " + index);
            }
            b.setRecycler(this);
            synchronized (this) {
                free.addLast(b);
                held++;
            }
        }
    }

    @Override
    void start() {
        deadline = System.nanoTime() + gate.requestTimeoutNanos();
        request();
    }

    private String describe() {
        return "partition " + spec.partitionId() + " (subpartition " + spec.subpartitionIndex() + ") at " + spec.producerDataAddress();
    }

    private void request() {
        long id = NEXT_RECEIVER_ID.incrementAndGet();
        synchronized (this) {
            if (released || failure != null) {
                return;
            }
            receiverId = id;
        }
        client.connect(address).whenComplete((conn, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null && !(error instanceof IOException) ? error.getCause() : error;
                onError(new IOException("Cannot request " + describe() + ": " + cause.getMessage(), cause));
                return;
            }
            synchronized (this) {
                if (released || failure != null || receiverId != id) {
                    return;
                }
                connection = conn;
                expectedSequence = 0;
                unannounced = 0;
                // under the lock, so that no ADD_CREDIT for this receiver can be sent before the request
                conn.requestPartition(id, this, spec.partitionId(), spec.subpartitionIndex(), free.size());
            }
        });
    }

    // ------------------------------------------------------------------ Netty side

    @Override
    public NetworkBuffer takeReceiveBuffer() {
        synchronized (this) {
            return free.pollFirst();
        }
    }

    @Override
    public void onBuffer(NetworkBuffer buffer, int length, int sequence, int backlog) {
        boolean drop;
        synchronized (this) {
            drop = released || failure != null;
            if (!drop && sequence != expectedSequence) {
                failure = new IOException("Buffer " + sequence + " of " + describe() + " arrived out of order (expected "
                        + expectedSequence + ")");
                drop = true;
            }
            if (!drop) {
                expectedSequence++;
                senderBacklog = backlog;
                received.addLast(new BufferSlice(buffer, 0, length, backlog));
            }
        }
        if (drop) {
            buffer.release();
        } else {
            requestFloatingBuffersIfNeeded();
        }
        gate.notifyChannelNonEmpty(this);
    }

    @Override
    public void onPartitionNotFound() {
        boolean retry;
        long delay;
        synchronized (this) {
            connection = null;
            retry = System.nanoTime() - deadline < 0;
            delay = backoffMillis;
            backoffMillis = Math.min(backoffMillis * 2, 1000);
        }
        if (!retry) {
            onError(new IOException("Partition " + spec.partitionId() + " not found at " + spec.producerDataAddress()
                    + " after " + gate.describeRequestTimeout()));
            return;
        }
        try {
            scheduler.schedule(this::request, delay, TimeUnit.MILLISECONDS);
        } catch (RuntimeException rejected) {
            onError(new IOException("The data plane shut down while waiting for " + describe()));
        }
    }

    @Override
    public void onError(IOException cause) {
        synchronized (this) {
            if (failure != null || released) {
                return;
            }
            String msg = cause.getMessage();
            failure = msg != null && msg.contains(spec.partitionId()) ? cause
                    : new IOException("Reading " + describe() + " failed: " + msg, cause);
        }
        gate.notifyChannelNonEmpty(this);
    }

    // ------------------------------------------------------------------ credit

    /** Asks the gate's pool for floating buffers while the sender's backlog exceeds our free buffers. */
    void requestFloatingBuffersIfNeeded() {
        while (true) {
            synchronized (this) {
                if (released || failure != null || senderBacklog <= free.size()) {
                    break;
                }
            }
            NetworkBuffer b;
            try {
                b = pool.requestBuffer();
            } catch (IOException poolReleased) {
                return;
            }
            if (b == null) {
                gate.waitForFloatingBuffers(this);
                break;
            }
            b.setRecycler(this);
            boolean giveBack;
            synchronized (this) {
                giveBack = released;
                if (!giveBack) {
                    free.addLast(b);
                    held++;
                    unannounced++;
                }
            }
            if (giveBack) {
                pool.recycle(b);
                return;
            }
        }
        announceCredit();
    }

    private void announceCredit() {
        ClientConnection conn;
        long id;
        int n;
        synchronized (this) {
            conn = connection;
            if (conn == null || unannounced == 0) {
                return;
            }
            n = unannounced;
            unannounced = 0;
            id = receiverId;
        }
        conn.addCredit(id, n);
    }

    /** A received buffer's last reference was released (usually by the task thread). */
    @Override
    public void recycle(NetworkBuffer buffer) {
        boolean toPool;
        synchronized (this) {
            toPool = released || (held > exclusive && senderBacklog <= free.size());
            if (toPool) {
                held--;
            } else {
                buffer.init(this);
                free.addLast(buffer);
                unannounced++;
            }
        }
        if (toPool) {
            pool.recycle(buffer);
        } else {
            announceCredit();
        }
    }

    // ------------------------------------------------------------------ task side

    @Override
    BufferSlice poll() throws IOException {
        synchronized (this) {
            if (released) {
                return null;
            }
            if (failure != null) {
                throw new IOException(failure.getMessage(), failure);
            }
            return received.pollFirst();
        }
    }

    @Override
    void release() {
        List<NetworkBuffer> toPool = new ArrayList<>();
        List<BufferSlice> slices = new ArrayList<>();
        ClientConnection conn;
        long id;
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            toPool.addAll(free);
            held -= free.size();
            free.clear();
            slices.addAll(received);
            received.clear();
            conn = connection;
            id = receiverId;
            connection = null;
        }
        if (conn != null) {
            conn.cancel(id);
        }
        for (NetworkBuffer b : toPool) {
            pool.recycle(b);
        }
        for (BufferSlice s : slices) {
            s.release();
        }
    }

    /** For tests: buffers this channel holds (free, queued or being read). */
    synchronized int getNumberOfHeldBuffers() {
        return held;
    }
}
