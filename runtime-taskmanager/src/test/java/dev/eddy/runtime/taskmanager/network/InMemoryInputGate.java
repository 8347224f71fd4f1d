package dev.eddy.runtime.taskmanager.network;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.runtime.taskmanager.checkpoint.CancelCheckpointMarker;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointBarrier;
import dev.eddy.runtime.taskmanager.network.buffer.BufferSlice;
import dev.eddy.runtime.taskmanager.network.buffer.LocalBufferPool;
import dev.eddy.runtime.taskmanager.network.buffer.NetworkBuffer;
import dev.eddy.runtime.taskmanager.network.buffer.NetworkBufferPool;
import dev.eddy.runtime.taskmanager.network.serialization.StreamElementSerializer;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * A single-threaded input gate for tests: the test appends serialized elements per channel; on
 * {@link #pollNext()} the bytes are cut into small network buffers (so elements share and span
 * buffers) and handed out with channels taking turns. It honours channel blocking like the real
 * gate and fails the test if it is asked to hand out a blocked channel's data.
 */
public final class InMemoryInputGate implements InputGate {
    private final int bufferSize;
    private final NetworkBufferPool global;
    private final LocalBufferPool pool;
    private final StreamElementSerializer<Long> elements;
    private final ByteArrayOutputStream[] unsent;
    private final ArrayDeque<BufferSlice>[] queued;
    private final boolean[] blocked;
    private final BufferSlice[] pushedBack;
    private final java.util.List<NetworkBuffer> created = new java.util.ArrayList<>();
    private int next;
    private boolean closed;
    private CompletableFuture<Void> availability = new CompletableFuture<>();

    @SuppressWarnings("unchecked")
    public InMemoryInputGate(int channels, int bufferSize, TypeSerializer<Long> serializer) {
        this.bufferSize = bufferSize;
        this.global = new NetworkBufferPool(1024, bufferSize);
        this.pool = global.createLocalPool("in-memory gate", 0, 1024);
        this.elements = new StreamElementSerializer<>(serializer);
        this.unsent = new ByteArrayOutputStream[channels];
        this.queued = new ArrayDeque[channels];
        for (int i = 0; i < channels; i++) {
            unsent[i] = new ByteArrayOutputStream();
            queued[i] = new ArrayDeque<>();
        }
        this.blocked = new boolean[channels];
        this.pushedBack = new BufferSlice[channels];
    }

    public InMemoryInputGate record(int channel, long value) throws IOException {
        elements.serializeRecord(new StreamRecord<>(value));
        return append(channel);
    }

    public InMemoryInputGate watermark(int channel, long timestamp) {
        elements.serializeWatermark(timestamp);
        return append(channel);
    }

    public InMemoryInputGate barrier(int channel, CheckpointBarrier barrier) throws IOException {
        elements.serializeBarrier(barrier);
        return append(channel);
    }

    public InMemoryInputGate cancel(int channel, long checkpointId) {
        elements.serializeCancelMarker(new CancelCheckpointMarker(checkpointId));
        return append(channel);
    }

    public InMemoryInputGate status(int channel, dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus status) {
        elements.serializeWatermarkStatus(status);
        return append(channel);
    }

    public InMemoryInputGate end(int channel) {
        elements.serializeEndOfPartition();
        return append(channel);
    }

    private InMemoryInputGate append(int channel) {
        unsent[channel].write(elements.array(), 0, elements.length());
        availability.complete(null);
        return this;
    }

    public boolean isBlocked(int channel) {
        return blocked[channel];
    }

    /** Buffers this gate filled that are still referenced (queued, parked or being read). */
    public int buffersInUse() {
        return (int) created.stream().filter(b -> b.refCnt() > 0).count();
    }

    @Override
    public int getNumberOfChannels() {
        return unsent.length;
    }

    private void cut(int channel) throws IOException {
        byte[] bytes = unsent[channel].toByteArray();
        unsent[channel].reset();
        for (int off = 0; off < bytes.length; off += bufferSize) {
            int len = Math.min(bufferSize, bytes.length - off);
            NetworkBuffer b = pool.requestBuffer();
            if (b == null) {
                throw new IllegalStateException("Test gate ran out of buffers");
            }
            System.arraycopy(bytes, off, b.array(), 0, len);
            created.add(b);
            queued[channel].addLast(new BufferSlice(b, 0, len, 0));
        }
    }

    private boolean hasData(int channel) {
        return pushedBack[channel] != null || !queued[channel].isEmpty() || unsent[channel].size() > 0;
    }

    @Override
    public BufferSlice pollNext() throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
        int n = unsent.length;
        for (int k = 0; k < n; k++) {
            int c = (next + k) % n;
            if (blocked[c] || !hasData(c)) {
                continue;
            }
            next = (c + 1) % n;
            if (pushedBack[c] != null) {
                BufferSlice s = pushedBack[c];
                pushedBack[c] = null;
                return s.withChannelIndex(c);
            }
            if (queued[c].isEmpty()) {
                cut(c);
            }
            return queued[c].pollFirst().withChannelIndex(c);
        }
        return null;
    }

    @Override
    public CompletableFuture<Void> getAvailableFuture() {
        for (int c = 0; c < unsent.length; c++) {
            if (!blocked[c] && hasData(c)) {
                return CompletableFuture.completedFuture(null);
            }
        }
        if (availability.isDone()) {
            availability = new CompletableFuture<>();
        }
        return availability;
    }

    @Override
    public void blockChannel(int channelIndex, BufferSlice unread) {
        if (blocked[channelIndex]) {
            throw new AssertionError("channel " + channelIndex + " blocked twice");
        }
        blocked[channelIndex] = true;
        pushedBack[channelIndex] = unread;
    }

    @Override
    public void unblockChannel(int channelIndex) {
        blocked[channelIndex] = false;
        availability.complete(null);
    }

    @Override
    public void close() {
        closed = true;
        for (int c = 0; c < unsent.length; c++) {
            if (pushedBack[c] != null) {
                pushedBack[c].release();
            }
            queued[c].forEach(BufferSlice::release);
        }
        Arrays.fill(pushedBack, null);
        availability.complete(null);
    }
}
