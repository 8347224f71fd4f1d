package dev.eddy.runtime.taskmanager.task;

/** Thrown on the task thread to unwind it after the task was cancelled. Not a failure. */
public final class CancelTaskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelTaskException(String message) {
        super(message, null, false, false);
    }
}
