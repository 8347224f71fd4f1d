package dev.eddy.streaming.api.windowing.assigners;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import dev.eddy.streaming.api.windowing.triggers.Trigger;
import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Session windows by processing time: a session ends after {@code gap} without elements arriving. */
public class ProcessingTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final long sessionTimeout;

    protected ProcessingTimeSessionWindows(long sessionTimeout) {
        TimeWindowAssigners.checkGap(sessionTimeout);
        this.sessionTimeout = sessionTimeout;
    }

    public static ProcessingTimeSessionWindows withGap(Duration size) {
        return new ProcessingTimeSessionWindows(TimeWindowAssigners.millis(size, "gap"));
    }

    /** Session windows whose gap is extracted from each element. */
    public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
        return new DynamicProcessingTimeSessionWindows<>(sessionWindowTimeGapExtractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long now = context.getCurrentProcessingTime();
        return List.of(new TimeWindow(now, now + sessionTimeout));
    }

    @Override
    public String toString() {
        return "ProcessingTimeSessionWindows(" + sessionTimeout + ")";
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return (Trigger<Object, TimeWindow>) (Trigger<?, TimeWindow>) ProcessingTimeTrigger.<TimeWindow>create();
    }

    @Override
    public TypeSerializer<TimeWindow> getWindowSerializer(dev.eddy.api.common.ExecutionConfig config) {
        return new TimeWindow.Serializer();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }
}
