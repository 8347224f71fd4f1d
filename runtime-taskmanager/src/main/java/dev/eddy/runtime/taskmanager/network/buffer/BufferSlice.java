package dev.eddy.runtime.taskmanager.network.buffer;

/**
 * A readable byte range of a {@link NetworkBuffer} holding one reference to it; {@link #release()}
 * drops that reference exactly once. Handed from a subpartition to its consumer (a Netty writer or a
 * local input channel), or from an input channel to the task's reader. One owner at a time.
 */
public final class BufferSlice {
    private final NetworkBuffer buffer;
    private final int offset;
    private final int length;
    private final int backlog;
    private int channelIndex = -1;
    private boolean released;

    public BufferSlice(NetworkBuffer buffer, int offset, int length, int backlog) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.backlog = backlog;
    }

    public NetworkBuffer buffer() {
        return buffer;
    }

    public byte[] array() {
        return buffer.array();
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    /** Finished buffers queued behind this one at the producer when it was taken (sender side). */
    public int backlog() {
        return backlog;
    }

    public int channelIndex() {
        return channelIndex;
    }

    public BufferSlice withChannelIndex(int index) {
        this.channelIndex = index;
        return this;
    }

    /**
     * Moves this slice's reference to a new slice over the unread rest {@code [from, offset + length)}
     * of the same buffer (used to hand a partly read buffer back to its input gate while a channel is
     * blocked for barrier alignment). Afterwards this slice counts as released, without dropping a
     * reference; the returned slice owns it. Owner's thread.
     *
     * @throws IllegalStateException if this slice was released already (for instance by a canceling thread)
     */
    public synchronized BufferSlice remainder(int from) {
        if (released) {
            throw new IllegalStateException("Cannot keep the rest of a network buffer slice that was already released");
        }
        if (from < offset || from > offset + length) {
            throw new IllegalArgumentException("Position " + from + " is outside the slice [" + offset + ", " + (offset + length) + ")");
        }
        released = true;
        BufferSlice rest = new BufferSlice(buffer, from, offset + length - from, backlog);
        rest.channelIndex = channelIndex;
        return rest;
    }

    /** Idempotent; may race with a canceling thread, hence synchronized (once per buffer, not per record). */
    public synchronized void release() {
        if (!released) {
            released = true;
            buffer.release();
        }
    }
}
