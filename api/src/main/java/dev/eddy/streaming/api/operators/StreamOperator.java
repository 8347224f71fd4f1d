package dev.eddy.streaming.api.operators;

import dev.eddy.api.common.state.CheckpointListener;
import dev.eddy.runtime.state.StateInitializationContext;
import dev.eddy.runtime.state.StateSnapshotContext;
import java.io.Serializable;

/**
 * An operator of a chain. Lifecycle, driven by the task thread only, in this order:
 * {@link #setup} once, {@link #initializeState} once (fresh or restored state), {@link #open}, any
 * number of input calls interleaved with checkpoints, {@link #finish} when all input
 * has ended (bounded streams: flush buffered results), {@link #close} always (also after failure or
 * cancellation; release resources). Operators never take locks: timers and async results arrive
 * as mail on the same thread.
 *
 * <p>The operator object in the job graph is a prototype: each subtask deserializes its own copy.
 */
public interface StreamOperator<OUT> extends CheckpointListener, Serializable {
    void setup(StreamOperatorParameters<OUT> parameters);

    /**
     * Creates or restores the operator's state, after setup and before open. The keyed backend and
     * the operator state store are already restored when this is called.
     */
    default void initializeState(StateInitializationContext context) throws Exception {}

    /**
     * A checkpoint barrier is about to be emitted downstream: emit whatever must precede it (e.g.
     * flush buffered records). Called head to tail; the operator may still emit records here.
     */
    default void prepareSnapshotPreBarrier(long checkpointId) throws Exception {}

    /**
     * Synchronous part of a snapshot, after the barrier went downstream: write the operator's own
     * state into its managed state (operator/keyed) or raw keyed state. Keep it short: the backends
     * copy or freeze their state, the upload runs asynchronously afterwards.
     */
    default void snapshotState(StateSnapshotContext context) throws Exception {}

    /** The checkpoint completed everywhere (task thread, via mail). */
    @Override
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    void open() throws Exception;

    void finish() throws Exception;

    void close() throws Exception;
}
