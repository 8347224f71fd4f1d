package dev.eddy.api.common.eventtime;

/**
 * Generates watermarks from the events it sees ({@link #onEvent}) and/or periodically
 * ({@link #onPeriodicEmit}, every {@code pipeline.auto-watermark-interval}). Called only from the
 * task thread, so implementations need no synchronisation.
 */
public interface WatermarkGenerator<T> {
    /** Called for every event, with its (assigned) timestamp. */
    void onEvent(T event, long eventTimestamp, WatermarkOutput output);

    /** Called periodically; may emit a watermark. */
    void onPeriodicEmit(WatermarkOutput output);
}
