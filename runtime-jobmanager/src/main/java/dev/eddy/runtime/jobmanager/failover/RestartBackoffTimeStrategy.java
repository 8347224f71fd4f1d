package dev.eddy.runtime.jobmanager.failover;

/**
 * Decides whether a failed job may restart, and after how long. One instance per job, created by
 * {@link RestartStrategies#fromConfiguration}; not thread-safe: confined to its JobMaster's thread.
 *
 * <p>Protocol: on every failure the JobMaster calls {@link #notifyFailure()} once, then asks
 * {@link #canRestart()}; if true it restarts the job after {@link #getBackoffTime()} milliseconds.
 */
public interface RestartBackoffTimeStrategy {
    /** Records one failure of the job (counts attempts, grows backoff). */
    void notifyFailure();

    /** Whether the job may restart after the failures recorded so far. */
    boolean canRestart();

    /** Milliseconds to wait before the restart that follows the last recorded failure. */
    long getBackoffTime();

    /** For messages, e.g. "fixed-delay (attempts 3, delay 1.0 s)". */
    String description();
}
