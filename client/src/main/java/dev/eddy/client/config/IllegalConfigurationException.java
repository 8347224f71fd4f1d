package dev.eddy.client.config;

/** A configuration file or value could not be used; the message names the file, line and fix. */
public class IllegalConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IllegalConfigurationException(String message) {
        super(message);
    }

    public IllegalConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
