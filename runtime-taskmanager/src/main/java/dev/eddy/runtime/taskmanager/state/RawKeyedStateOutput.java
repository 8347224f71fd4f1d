package dev.eddy.runtime.taskmanager.state;

import dev.eddy.proto.KeyGroupsStateHandleProto;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyedStateCheckpointOutputStream;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOutputStream;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointStreamFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Raw keyed state an operator writes during the synchronous part of a snapshot (e.g. its timers),
 * buffered in memory by key group; {@link #writeFile} (async snapshot thread) turns it into one
 * exclusive file with per-key-group offsets. The operator writes on the task thread only, then
 * hands the object over; nothing is written after that, except what the operator deferred with
 * {@link #writeLater}, which {@link #runDeferredWrite} writes on the async snapshot thread.
 */
public final class RawKeyedStateOutput extends KeyedStateCheckpointOutputStream {
    private final KeyGroupRange range;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final long[] offsets;
    private int currentKeyGroup = -1;
    private boolean closed;
    /** What the operator asked to write in the async part, or null. */
    private DeferredWrite deferred;

    public RawKeyedStateOutput(KeyGroupRange range) {
        this.range = range;
        this.offsets = new long[range.getNumberOfKeyGroups()];
        Arrays.fill(offsets, -1);
    }

    @Override
    public void startNewKeyGroup(int keyGroupId) throws IOException {
        requireOpen();
        if (!range.contains(keyGroupId)) {
            throw new IllegalArgumentException("Key group " + keyGroupId + " is not in this subtask's " + range
                    + "; raw keyed state may only be written for the subtask's own key groups");
        }
        if (keyGroupId <= currentKeyGroup) {
            throw new IllegalArgumentException("Key group " + keyGroupId + " started after key group " + currentKeyGroup
                    + "; start key groups in ascending order, each at most once");
        }
        currentKeyGroup = keyGroupId;
        offsets[keyGroupId - range.getStartKeyGroup()] = buffer.size();
    }

    @Override
    public KeyGroupRange getKeyGroupList() {
        return range;
    }

    @Override
    public void write(int b) throws IOException {
        requireKeyGroup();
        buffer.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        requireKeyGroup();
        buffer.write(b, off, len);
    }

    private void requireKeyGroup() throws IOException {
        requireOpen();
        if (currentKeyGroup < 0) {
            throw new IllegalStateException("Call startNewKeyGroup before writing raw keyed state");
        }
    }

    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException("The raw keyed state output is closed: write it only inside snapshotState");
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void writeLater(DeferredWrite write) throws IOException {
        requireOpen();
        if (deferred != null) {
            throw new IllegalStateException("writeLater was already called in this snapshot; defer all raw keyed state in one call");
        }
        deferred = java.util.Objects.requireNonNull(write, "write");
    }

    /**
     * Runs the write deferred with {@link #writeLater}, if any (async snapshot thread, after the
     * task thread has {@link #close closed} this output and before {@link #hasData}).
     */
    public void runDeferredWrite() throws IOException {
        DeferredWrite write = deferred;
        if (write == null) {
            return;
        }
        deferred = null;
        closed = false;
        try {
            write.writeTo(this);
        } finally {
            closed = true;
        }
    }

    /** True when at least one key group was started. */
    public boolean hasData() {
        return currentKeyGroup >= 0;
    }

    /** Writes the buffered key groups into a new exclusive file. Async snapshot thread. */
    public KeyGroupsStateHandleProto writeFile(CheckpointStreamFactory streams, String nameHint) throws IOException {
        closed = true;
        CheckpointOutputStream out = streams.createExclusiveOutput(nameHint);
        try {
            buffer.writeTo(out);
            long size = out.getPos();
            String path = out.closeAndGetPath().toAbsolutePath().toString();
            KeyGroupsStateHandleProto.Builder b = KeyGroupsStateHandleProto.newBuilder().setPath(path)
                    .setStartKeyGroup(range.getStartKeyGroup()).setSize(size);
            for (long o : offsets) {
                b.addOffsets(o);
            }
            return b.build();
        } catch (IOException | RuntimeException e) {
            out.discard();
            throw e;
        }
    }
}
