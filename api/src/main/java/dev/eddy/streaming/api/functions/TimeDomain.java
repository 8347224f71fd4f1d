package dev.eddy.streaming.api.functions;

/** The time a timer was set in. */
public enum TimeDomain {
    EVENT_TIME,
    PROCESSING_TIME
}
