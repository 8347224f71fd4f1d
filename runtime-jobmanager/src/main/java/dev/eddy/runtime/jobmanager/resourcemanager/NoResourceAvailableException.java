package dev.eddy.runtime.jobmanager.resourcemanager;

/** A slot request could not be served in time; the message says how many slots were needed and available. */
public final class NoResourceAvailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NoResourceAvailableException(String message) {
        super(message);
    }
}
