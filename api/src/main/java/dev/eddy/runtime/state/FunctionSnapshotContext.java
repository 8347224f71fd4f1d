package dev.eddy.runtime.state;

/** Handed to {@code CheckpointedFunction#snapshotState}. */
public interface FunctionSnapshotContext extends ManagedSnapshotContext {}
