package dev.eddy.api.connector.source;

/** Whether a source ends. */
public enum Boundedness {
    BOUNDED,
    CONTINUOUS_UNBOUNDED
}
