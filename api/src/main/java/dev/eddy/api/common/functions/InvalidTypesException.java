package dev.eddy.api.common.functions;

/** A type could not be determined or is not supported; the message says what to do. */
public class InvalidTypesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidTypesException(String message) {
        super(message);
    }

    public InvalidTypesException(String message, Throwable cause) {
        super(message, cause);
    }
}
