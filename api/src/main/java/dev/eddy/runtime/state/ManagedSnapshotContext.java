package dev.eddy.runtime.state;

/** Which checkpoint a snapshot belongs to. */
public interface ManagedSnapshotContext {
    long getCheckpointId();

    /** When the JobManager triggered the checkpoint (epoch millis). */
    long getCheckpointTimestamp();
}
