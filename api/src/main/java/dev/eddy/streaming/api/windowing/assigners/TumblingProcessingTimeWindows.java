package dev.eddy.streaming.api.windowing.assigners;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import dev.eddy.streaming.api.windowing.triggers.Trigger;
import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/**
 * Tumbling windows by the processing time (wall clock) at which elements arrive, aligned to the
 * epoch plus an optional offset.
 */
public class TumblingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final long size;
    private final long offset;

    protected TumblingProcessingTimeWindows(long size, long offset) {
        TimeWindowAssigners.checkTumbling(size, offset);
        this.size = size;
        this.offset = offset;
    }

    public static TumblingProcessingTimeWindows of(Duration size) {
        return of(size, Duration.ZERO);
    }

    public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
        return new TumblingProcessingTimeWindows(TimeWindowAssigners.millis(size, "size"), TimeWindowAssigners.millis(offset, "offset"));
    }

    public long getSize() {
        return size;
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return TimeWindowAssigners.tumbling(context.getCurrentProcessingTime(), size, offset);
    }

    @Override
    public String toString() {
        return "TumblingProcessingTimeWindows(" + size + ", " + offset + ")";
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return ProcessingTimeTrigger.create();
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
