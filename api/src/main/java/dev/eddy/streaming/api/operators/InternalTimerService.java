package dev.eddy.streaming.api.operators;

/**
 * Timers of one keyed operator, for the current key, in namespaces of type {@code N} (for a window
 * operator: the window). Obtained from
 * {@link AbstractStreamOperator#getInternalTimerService(String, dev.eddy.api.common.typeutils.TypeSerializer, Triggerable)};
 * each named service is part of the operator's checkpoints (raw keyed state, per key group, so
 * timers move with their key groups on rescale). Event-time timers fire, in timestamp order,
 * when a watermark passes them, before the watermark is forwarded; processing-time timers fire as
 * mail. Registering an equal (key, namespace, timestamp) timer twice yields one firing. Task
 * thread only.
 */
public interface InternalTimerService<N> {
    long currentProcessingTime();

    long currentWatermark();

    void registerProcessingTimeTimer(N namespace, long time);

    void deleteProcessingTimeTimer(N namespace, long time);

    void registerEventTimeTimer(N namespace, long time);

    void deleteEventTimeTimer(N namespace, long time);

    /** Number of event-time timers over all keys (tests, metrics). */
    int numEventTimeTimers();

    /** Number of processing-time timers over all keys (tests, metrics). */
    int numProcessingTimeTimers();
}
