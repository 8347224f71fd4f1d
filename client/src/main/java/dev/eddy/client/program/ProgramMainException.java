package dev.eddy.client.program;

/** The job's main method threw; {@link #getCause()} is what it threw. */
public class ProgramMainException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProgramMainException(String mainClass, Throwable cause) {
        super("The main method of " + mainClass + " threw " + cause, cause);
    }
}
