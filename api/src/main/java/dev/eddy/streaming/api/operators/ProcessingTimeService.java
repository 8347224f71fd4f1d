package dev.eddy.streaming.api.operators;

import java.util.concurrent.ScheduledFuture;

/** Wall-clock timers whose callbacks run as mail on the task thread. */
public interface ProcessingTimeService {
    long getCurrentProcessingTime();

    /** Calls {@code callback.onProcessingTime(time)} on the task thread at or after {@code time}. */
    ScheduledFuture<?> registerTimer(long time, ProcessingTimeCallback callback);

    @FunctionalInterface
    interface ProcessingTimeCallback {
        void onProcessingTime(long time) throws Exception;
    }
}
