package dev.eddy.runtime.taskmanager.task.chain;

/**
 * Carries a checked exception out of {@code Output.collect} (which cannot throw checked
 * exceptions) up to the task thread's main loop, which unwraps it when reporting the failure.
 */
public final class ChainedOperatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChainedOperatorException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Rethrows runtime exceptions and errors as they are; wraps checked ones. */
    static RuntimeException wrap(String where, Exception e) {
        if (e instanceof RuntimeException) {
            return (RuntimeException) e;
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new ChainedOperatorException("Could not forward an element " + where + ": " + e, e);
    }

    /** Strips wrappers so that the report names the operator's own exception. */
    public static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while (cur instanceof ChainedOperatorException && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }
}
