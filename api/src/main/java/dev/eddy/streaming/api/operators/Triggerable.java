package dev.eddy.streaming.api.operators;

/**
 * Receives the timers of an {@link InternalTimerService}. Called on the task thread with the
 * timer's key already set as current key.
 */
public interface Triggerable<K, N> {
    /** An event-time timer whose timestamp the watermark has reached. */
    void onEventTime(InternalTimer<K, N> timer) throws Exception;

    /** A processing-time timer whose time has come. */
    void onProcessingTime(InternalTimer<K, N> timer) throws Exception;
}
