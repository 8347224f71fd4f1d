package dev.eddy.runtime.taskmanager.network.gate;

import dev.eddy.runtime.taskmanager.network.InputChannelSpec;
import dev.eddy.runtime.taskmanager.network.buffer.BufferSlice;
import dev.eddy.runtime.taskmanager.network.partition.DataAvailabilityListener;
import dev.eddy.runtime.taskmanager.network.partition.PartitionNotFoundException;
import dev.eddy.runtime.taskmanager.network.partition.PartitionRegistry;
import dev.eddy.runtime.taskmanager.network.partition.PipelinedSubpartition;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads a subpartition produced on this TaskManager straight from memory: the consumer gets slices
 * of the producer's own buffers (no copy, no Netty). Retries with backoff until the producer has
 * registered the partition, for up to the gate's request timeout (30 s by default).
 */
final class LocalInputChannel extends InputChannel implements DataAvailabilityListener {
    private final PartitionRegistry registry;
    private final ScheduledExecutorService scheduler;
    private final String taskManagerId;
    private long deadline;
    private long backoffMillis = 5;
    private volatile PipelinedSubpartition view;
    private volatile IOException failure;
    private volatile boolean released;

    LocalInputChannel(SingleInputGate gate, int index, InputChannelSpec spec, PartitionRegistry registry,
            ScheduledExecutorService scheduler, String taskManagerId) {
        super(gate, index, spec);
        this.registry = registry;
        this.scheduler = scheduler;
        this.taskManagerId = taskManagerId;
    }

    @Override
    void start() {
        deadline = System.nanoTime() + gate.requestTimeoutNanos();
        tryRequest();
    }

    private void tryRequest() {
        if (released) {
            return;
        }
        try {
            PipelinedSubpartition v = registry.get(spec.partitionId()).createView(spec.subpartitionIndex(), this);
            view = v;
            if (released) {
                v.releaseView();
                return;
            }
            gate.notifyChannelNonEmpty(this);
        } catch (PartitionNotFoundException e) {
            if (System.nanoTime() - deadline > 0) {
                fail(new IOException("Partition " + spec.partitionId() + " not found at local TaskManager " + taskManagerId
                        + " after " + gate.describeRequestTimeout()));
            } else {
                long delay = backoffMillis;
                backoffMillis = Math.min(backoffMillis * 2, 500);
                try {
                    scheduler.schedule(this::tryRequest, delay, TimeUnit.MILLISECONDS);
                } catch (RuntimeException rejected) {
                    fail(new IOException("The data plane shut down while waiting for partition " + spec.partitionId()));
                }
            }
        } catch (IOException e) {
            fail(new IOException("Cannot read subpartition " + spec.subpartitionIndex() + " of local partition "
                    + spec.partitionId() + ": " + e.getMessage(), e));
        }
    }

    private void fail(IOException e) {
        failure = e;
        gate.notifyChannelNonEmpty(this);
    }

    @Override
    public void notifyDataAvailable() {
        gate.notifyChannelNonEmpty(this);
    }

    @Override
    BufferSlice poll() throws IOException {
        if (released) {
            return null; // ended or canceled: whatever the producer does now is no longer our concern
        }
        IOException f = failure;
        if (f != null) {
            throw new IOException(f.getMessage(), f);
        }
        PipelinedSubpartition v = view;
        if (v == null) {
            return null;
        }
        try {
            return v.poll();
        } catch (IOException e) {
            throw new IOException("Reading local partition " + spec.partitionId() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    void release() {
        released = true;
        PipelinedSubpartition v = view;
        if (v != null) {
            v.releaseView();
        }
    }
}
