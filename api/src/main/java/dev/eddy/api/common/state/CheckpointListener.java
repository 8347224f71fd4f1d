package dev.eddy.api.common.state;

/**
 * Told when a checkpoint completed or was aborted. Implemented by user functions, sources, sinks
 * and operators. Called on the task thread, never concurrently with record processing. A
 * notification may be skipped (a later checkpoint subsumes an earlier one), so implementations
 * must act on "everything up to this checkpoint".
 */
public interface CheckpointListener {
    /** The checkpoint with this id completed on every task; side effects up to it may be committed. */
    void notifyCheckpointComplete(long checkpointId) throws Exception;

    /** The checkpoint with this id was aborted; work prepared for it will not be committed by it. */
    default void notifyCheckpointAborted(long checkpointId) throws Exception {}
}
