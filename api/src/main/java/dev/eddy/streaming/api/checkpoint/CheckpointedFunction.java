package dev.eddy.streaming.api.checkpoint;

import dev.eddy.runtime.state.FunctionInitializationContext;
import dev.eddy.runtime.state.FunctionSnapshotContext;

/**
 * A user function with its own managed state. {@link #initializeState} runs once before
 * {@code open}, on a fresh start and on restore ({@code context.isRestored()}); there it obtains
 * its operator state ({@code getOperatorStateStore().getListState/getUnionListState}) and keyed
 * state. {@link #snapshotState} runs on every checkpoint, on the task thread between records:
 * copy the function's in-memory state into that managed state. Not called concurrently with
 * record processing.
 */
public interface CheckpointedFunction {
    void snapshotState(FunctionSnapshotContext context) throws Exception;

    void initializeState(FunctionInitializationContext context) throws Exception;
}
