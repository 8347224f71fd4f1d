package dev.eddy.runtime.jobmanager.checkpoint;

/** A checkpoint or savepoint could not be taken or was aborted; the message says which and why. */
public final class CheckpointException extends RuntimeException {
    public CheckpointException(String message) {
        super(message);
    }
}
