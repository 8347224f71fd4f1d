package dev.eddy.client.program;

/** A job jar could not be prepared for running (missing, not a jar, no usable main class). */
public class ProgramInvocationException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProgramInvocationException(String message) {
        super(message);
    }

    public ProgramInvocationException(String message, Throwable cause) {
        super(message, cause);
    }
}
