package dev.eddy.streaming.api.functions;

/**
 * Time and timers of a process function, on the task thread. Timers exist only on keyed streams
 * and are scoped to the current key; registering the same (key, time) twice gives one timer.
 */
public interface TimerService {
    String UNSUPPORTED_REGISTER_TIMER_MSG = "Setting timers is only supported on a keyed streams.";
    String UNSUPPORTED_DELETE_TIMER_MSG = "Deleting timers is only supported on a keyed streams.";

    long currentProcessingTime();

    long currentWatermark();

    void registerProcessingTimeTimer(long time);

    /** The timer fires once the watermark reaches {@code time}. */
    void registerEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);
}
