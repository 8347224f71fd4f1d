package dev.eddy.api.common;

/** A job's lifecycle state, as in Flink. */
public enum JobStatus {
    INITIALIZING, CREATED, RUNNING, FAILING, FAILED, CANCELLING, CANCELED, FINISHED, RESTARTING, SUSPENDED;

    public boolean isGloballyTerminalState() {
        return this == FAILED || this == CANCELED || this == FINISHED;
    }
}
