package dev.eddy.runtime.state;

/** Handed to {@code StreamOperator#snapshotState} (synchronous part, task thread). */
public interface StateSnapshotContext extends FunctionSnapshotContext {
    /** Where the operator writes raw keyed state; only for keyed operators. */
    KeyedStateCheckpointOutputStream getRawKeyedOperatorStateOutput() throws Exception;
}
