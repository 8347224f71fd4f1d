package dev.eddy.client.cli;

/** An expected failure of a command: its message is printed as is and the command exits with 1. */
public class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
