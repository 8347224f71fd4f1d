package dev.eddy.streaming.api.windowing.assigners;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.api.windowing.triggers.EventTimeTrigger;
import dev.eddy.streaming.api.windowing.triggers.Trigger;
import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Event-time session windows: each element opens the window [timestamp, timestamp + gap), and
 * windows that overlap merge, so a session ends after {@code gap} without elements.
 */
public class EventTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final long sessionTimeout;

    protected EventTimeSessionWindows(long sessionTimeout) {
        TimeWindowAssigners.checkGap(sessionTimeout);
        this.sessionTimeout = sessionTimeout;
    }

    public static EventTimeSessionWindows withGap(Duration size) {
        return new EventTimeSessionWindows(TimeWindowAssigners.millis(size, "gap"));
    }

    /** Session windows whose gap is extracted from each element. */
    public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
        return new DynamicEventTimeSessionWindows<>(sessionWindowTimeGapExtractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long ts = TimeWindowAssigners.requireTimestamp(timestamp, this);
        return List.of(new TimeWindow(ts, ts + sessionTimeout));
    }

    @Override
    public String toString() {
        return "EventTimeSessionWindows(" + sessionTimeout + ")";
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return (Trigger<Object, TimeWindow>) (Trigger<?, TimeWindow>) EventTimeTrigger.<TimeWindow>create();
    }

    @Override
    public TypeSerializer<TimeWindow> getWindowSerializer(dev.eddy.api.common.ExecutionConfig config) {
        return new TimeWindow.Serializer();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }
}
