package dev.eddy.streaming.api.operators;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.runtime.state.KeyedStateBackend;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;

/**
 * One named timer service of a keyed operator: an event-time and a processing-time
 * {@link InternalTimerQueue} of (key, namespace, timestamp) timers. Timers are registered for the
 * keyed backend's current key. Event-time timers fire from {@link #advanceWatermark} (called by
 * the operator's watermark handling); processing-time timers fire from one
 * {@link ProcessingTimeService} timer for the earliest pending timestamp, which runs as mail on
 * the task thread. Before each firing the timer's key becomes the backend's current key.
 *
 * <p>Created and owned by {@link InternalTimeServiceManager}. Task thread only.
 */
public final class InternalTimerServiceImpl<K, N> implements InternalTimerService<N> {
    private final String name;
    private final TypeSerializer<N> namespaceSerializer;
    private final Triggerable<K, N> triggerable;
    private final KeyedStateBackend<Object> keyContext;
    private final ProcessingTimeService processingTimeService;
    private final InternalTimerQueue<K, N> eventTimers = new InternalTimerQueue<>();
    private final InternalTimerQueue<K, N> processingTimers = new InternalTimerQueue<>();
    private long currentWatermark = Long.MIN_VALUE;
    private long scheduledProcessingTime = Long.MAX_VALUE;
    private ScheduledFuture<?> scheduledFuture;

    InternalTimerServiceImpl(String name, TypeSerializer<N> namespaceSerializer, Triggerable<K, N> triggerable,
            KeyedStateBackend<Object> keyContext, ProcessingTimeService processingTimeService) {
        this.name = name;
        this.namespaceSerializer = Objects.requireNonNull(namespaceSerializer, "namespace serializer");
        this.triggerable = Objects.requireNonNull(triggerable, "triggerable");
        this.keyContext = keyContext;
        this.processingTimeService = processingTimeService;
    }

    String name() {
        return name;
    }

    TypeSerializer<N> namespaceSerializer() {
        return namespaceSerializer;
    }

    Triggerable<K, N> triggerable() {
        return triggerable;
    }

    InternalTimerQueue<K, N> eventTimers() {
        return eventTimers;
    }

    InternalTimerQueue<K, N> processingTimers() {
        return processingTimers;
    }

    @Override
    public long currentProcessingTime() {
        return processingTimeService.getCurrentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return currentWatermark;
    }

    @Override
    public void registerProcessingTimeTimer(N namespace, long time) {
        if (processingTimers.add(currentKey(), namespace, time)) {
            scheduleProcessingTimeHead();
        }
    }

    @Override
    public void deleteProcessingTimeTimer(N namespace, long time) {
        processingTimers.remove(currentKey(), namespace, time);
    }

    @Override
    public void registerEventTimeTimer(N namespace, long time) {
        eventTimers.add(currentKey(), namespace, time);
    }

    @Override
    public void deleteEventTimeTimer(N namespace, long time) {
        eventTimers.remove(currentKey(), namespace, time);
    }

    @Override
    public int numEventTimeTimers() {
        return eventTimers.size();
    }

    @Override
    public int numProcessingTimeTimers() {
        return processingTimers.size();
    }

    /**
     * Fires, in timestamp order, every event-time timer at or before {@code time} (also those
     * registered while firing), with the watermark already at {@code time}.
     */
    void advanceWatermark(long time) throws Exception {
        currentWatermark = time;
        TimerHeapInternalTimer<K, N> timer;
        while ((timer = eventTimers.pollIfDue(time)) != null) {
            keyContext.setCurrentKey(timer.getKey());
            triggerable.onEventTime(timer);
        }
    }

    /** Restored processing-time timers: make sure the earliest one is scheduled. */
    void startProcessingTime() {
        scheduleProcessingTimeHead();
    }

    private void onProcessingTime(long time) throws Exception {
        scheduledFuture = null;
        scheduledProcessingTime = Long.MAX_VALUE;
        TimerHeapInternalTimer<K, N> timer;
        while ((timer = processingTimers.pollIfDue(time)) != null) {
            keyContext.setCurrentKey(timer.getKey());
            triggerable.onProcessingTime(timer);
        }
        scheduleProcessingTimeHead();
    }

    private void scheduleProcessingTimeHead() {
        long head = processingTimers.headTimestamp();
        if (head == Long.MAX_VALUE || head >= scheduledProcessingTime) {
            return;
        }
        if (scheduledFuture != null) {
            scheduledFuture.cancel(false);
        }
        scheduledProcessingTime = head;
        scheduledFuture = processingTimeService.registerTimer(head, this::onProcessingTime);
    }

    /** Cancels the pending processing-time callback (operator close). */
    void close() {
        if (scheduledFuture != null) {
            scheduledFuture.cancel(false);
            scheduledFuture = null;
        }
        scheduledProcessingTime = Long.MAX_VALUE;
    }

    @SuppressWarnings("unchecked")
    private K currentKey() {
        Object key = keyContext.getCurrentKey();
        if (key == null) {
            throw new IllegalStateException("Timer service '" + name + "' has no current key: timers can only be registered"
                    + " while a keyed record or timer is processed");
        }
        return (K) key;
    }

    @Override
    public String toString() {
        return "InternalTimerService{" + name + ", event=" + eventTimers.size() + ", processing=" + processingTimers.size() + "}";
    }
}
