package dev.eddy.runtime.taskmanager.network.partition;

import dev.eddy.runtime.taskmanager.network.ResultPartitionWriter;
import dev.eddy.runtime.taskmanager.network.buffer.LocalBufferPool;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pipelined result partition: one {@link PipelinedSubpartition} per consumer subtask, sharing one
 * {@link LocalBufferPool}.
 *
 * <p>Lifecycle: created and registered by the shuffle environment; written by its task thread
 * through a {@code RecordWriter}; {@link #finish()} after END_OF_PARTITION was written everywhere.
 * {@link #release()} (task thread or canceler, after the writer stopped): if the partition finished,
 * the buffers stay until every consumer read them (then everything is freed and the partition
 * unregistered); otherwise it is freed at once and consumers fail with a message naming it.
 */
public final class ResultPartition implements ResultPartitionWriter {
    private final String partitionId;
    private final String ownerTaskName;
    private final PipelinedSubpartition[] subpartitions;
    private final LocalBufferPool pool;
    private final Runnable onDisposed;
    private final AtomicInteger unconsumed;
    private volatile boolean finished;
    private PartitionState state = PartitionState.RUNNING;

    public ResultPartition(String partitionId, String ownerTaskName, int numberOfSubpartitions, LocalBufferPool pool,
            Runnable onDisposed) {
        this.partitionId = partitionId;
        this.ownerTaskName = ownerTaskName;
        this.pool = pool;
        this.onDisposed = onDisposed;
        this.subpartitions = new PipelinedSubpartition[numberOfSubpartitions];
        for (int i = 0; i < numberOfSubpartitions; i++) {
            subpartitions[i] = new PipelinedSubpartition(this, i);
        }
        this.unconsumed = new AtomicInteger(numberOfSubpartitions);
    }

    public String getPartitionId() {
        return partitionId;
    }

    @Override
    public int getNumberOfSubpartitions() {
        return subpartitions.length;
    }

    public LocalBufferPool getBufferPool() {
        return pool;
    }

    String describe(int subpartition) {
        return "Subpartition " + subpartition + " of partition " + partitionId + " (produced by " + ownerTaskName + ")";
    }

    /** Attaches the consumer of one subpartition. */
    public PipelinedSubpartition createView(int subpartition, DataAvailabilityListener listener) throws IOException {
        if (subpartition < 0 || subpartition >= subpartitions.length) {
            throw new IOException("Partition " + partitionId + " has " + subpartitions.length
                    + " subpartitions; subpartition " + subpartition + " does not exist");
        }
        PipelinedSubpartition sp = subpartitions[subpartition];
        sp.createView(listener);
        return sp;
    }

    // ---- writer side, task thread ----

    @Override
    public void emit(byte[] data, int length, int subpartition) throws IOException, InterruptedException {
        subpartitions[subpartition].append(data, length, pool);
    }

    @Override
    public void broadcast(byte[] data, int length) throws IOException, InterruptedException {
        for (PipelinedSubpartition sp : subpartitions) {
            sp.append(data, length, pool);
        }
    }

    @Override
    public void flush(int subpartition) {
        subpartitions[subpartition].flush();
    }

    @Override
    public void flushAll() {
        for (PipelinedSubpartition sp : subpartitions) {
            sp.flush();
        }
    }

    @Override
    public void flushAllFromAnyThread() {
        for (PipelinedSubpartition sp : subpartitions) {
            sp.flushFromAnyThread();
        }
    }

    @Override
    public boolean isAvailable() {
        return pool.isAvailable();
    }

    @Override
    public CompletableFuture<Void> getAvailableFuture() {
        return pool.getAvailableFuture();
    }

    @Override
    public void finish() {
        synchronized (this) {
            if (state == PartitionState.RELEASED) {
                return; // canceled meanwhile; nothing to deliver
            }
            transition(PartitionState.FINISHED);
        }
        for (PipelinedSubpartition sp : subpartitions) {
            sp.finish();
        }
        finished = true;
    }

    public synchronized PartitionState getState() {
        return state;
    }

    private void transition(PartitionState next) {
        if (!state.canTransitionTo(next)) {
            throw new IllegalStateException("Partition " + partitionId + " of " + ownerTaskName + " cannot go from " + state + " to " + next);
        }
        state = next;
    }

    public boolean isFinished() {
        return finished;
    }

    // ---- release ----

    void onSubpartitionConsumed() {
        if (unconsumed.decrementAndGet() == 0) {
            synchronized (this) {
                if (state != PartitionState.DRAINING) {
                    return;
                }
                transition(PartitionState.RELEASED);
            }
            dispose();
        }
    }

    @Override
    public void release() {
        synchronized (this) {
            switch (state) {
                case RUNNING -> transition(PartitionState.RELEASED);
                case FINISHED -> {
                    if (unconsumed.get() > 0) {
                        transition(PartitionState.DRAINING);
                        return;
                    }
                    transition(PartitionState.RELEASED);
                }
                default -> {
                    return;
                }
            }
        }
        dispose();
    }

    /** Frees everything now, whether consumed or not (TaskManager shutdown). */
    public void releaseNow() {
        synchronized (this) {
            if (state == PartitionState.RELEASED) {
                return;
            }
            transition(PartitionState.RELEASED);
        }
        dispose();
    }

    private void dispose() {
        for (PipelinedSubpartition sp : subpartitions) {
            sp.release();
        }
        pool.destroy();
        onDisposed.run();
    }

    @Override
    public String toString() {
        return "ResultPartition[" + partitionId + " of " + ownerTaskName + "]";
    }
}
