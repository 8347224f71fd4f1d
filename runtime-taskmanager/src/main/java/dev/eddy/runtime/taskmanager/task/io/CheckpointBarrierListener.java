package dev.eddy.runtime.taskmanager.task.io;

import dev.eddy.runtime.taskmanager.checkpoint.CheckpointBarrier;

/**
 * What the task's input side reports about checkpoints, on the task thread, from inside
 * {@code StreamInputProcessor.processInput()}. Exactly-once: a channel that delivered barrier n is
 * blocked (its later data stays queued) until every channel of every gate delivered n (channels
 * that ended count as delivered); then {@link #onBarrierComplete} is called and all channels are
 * released. At-least-once: nothing is blocked; the call comes when the last channel delivered n
 * (several checkpoints may be pending; completing one aborts the older ones still pending). The
 * alignment itself is done by {@code CheckpointBarrierHandler}.
 */
public interface CheckpointBarrierListener {
    /** Every input delivered the barrier; {@code alignmentNanos}: first barrier seen → last. */
    void onBarrierComplete(CheckpointBarrier barrier, long alignmentNanos) throws Exception;

    /**
     * Alignment for {@code checkpointId} stopped: a cancel marker arrived, or a barrier of a newer
     * checkpoint overtook it (then the newer one is being aligned). Channels are released.
     */
    void onCheckpointAborted(long checkpointId, String reason) throws Exception;

    /** Ignores everything (tasks without checkpointing in tests). */
    CheckpointBarrierListener IGNORE = new CheckpointBarrierListener() {
        @Override
        public void onBarrierComplete(CheckpointBarrier barrier, long alignmentNanos) {}

        @Override
        public void onCheckpointAborted(long checkpointId, String reason) {}
    };
}
