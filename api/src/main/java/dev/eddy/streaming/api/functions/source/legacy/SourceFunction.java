package dev.eddy.streaming.api.functions.source.legacy;

import dev.eddy.api.common.functions.Function;
import dev.eddy.streaming.api.watermark.Watermark;

/**
 * A legacy source: {@link #run} emits records until the data ends or {@link #cancel} is called.
 * Non-parallel unless it implements {@link ParallelSourceFunction}.
 *
 * <p>Threading (as in Flink): Eddy calls {@link #run} on a dedicated legacy source thread, while
 * the task thread runs checkpoints, timers and other mail holding the context's
 * {@linkplain SourceContext#getCheckpointLock() checkpoint lock}. A function whose emitted records
 * and checkpointed state must agree changes that state and emits under the lock, e.g.
 * {@code synchronized (ctx.getCheckpointLock()) { ctx.collect(x); offset++; }} or a whole batch in
 * one block; snapshots ({@code CheckpointedFunction#snapshotState}) never run while it holds the
 * lock. {@link #cancel} comes from another thread and should only set a (volatile) flag that
 * {@code run} checks; the source thread is interrupted on cancellation too.
 */
public interface SourceFunction<T> extends Function {
    void run(SourceContext<T> ctx) throws Exception;

    void cancel();

    /** How a source emits. Called from the source thread that runs {@link SourceFunction#run}. */
    interface SourceContext<T> {
        void collect(T element);

        void collectWithTimestamp(T element, long timestamp);

        void emitWatermark(Watermark mark);

        void markAsTemporarilyIdle();

        /**
         * The lock that makes emitting and updating state atomic with respect to checkpoints: the
         * task thread holds it while it runs a checkpoint (or any other mail), and every emit takes
         * it too. Do not hold it forever: a checkpoint gets in only when it is released.
         */
        Object getCheckpointLock();

        void close();
    }
}
