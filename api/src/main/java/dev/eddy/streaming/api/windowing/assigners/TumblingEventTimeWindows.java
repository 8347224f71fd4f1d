package dev.eddy.streaming.api.windowing.assigners;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.api.windowing.triggers.EventTimeTrigger;
import dev.eddy.streaming.api.windowing.triggers.Trigger;
import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/**
 * Tumbling (fixed-size, non-overlapping) event-time windows aligned to the epoch plus an optional
 * offset: {@code of(Duration.ofHours(1), Duration.ofMinutes(15))} gives windows 0:15-1:15, 1:15-2:15, ...
 */
public class TumblingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    /** The windows assigned last (see {@link TimeWindowAssigners.LastWindows}); per task, not serialized. */
    private transient TimeWindowAssigners.LastWindows lastWindows;
    private final long size;
    private final long offset;

    protected TumblingEventTimeWindows(long size, long offset) {
        TimeWindowAssigners.checkTumbling(size, offset);
        this.size = size;
        this.offset = offset;
    }

    public static TumblingEventTimeWindows of(Duration size) {
        return of(size, Duration.ZERO);
    }

    public static TumblingEventTimeWindows of(Duration size, Duration offset) {
        return new TumblingEventTimeWindows(TimeWindowAssigners.millis(size, "size"), TimeWindowAssigners.millis(offset, "offset"));
    }

    public long getSize() {
        return size;
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return lastWindows().tumbling(TimeWindowAssigners.requireTimestamp(timestamp, this), size, offset);
    }

    @Override
    public String toString() {
        return "TumblingEventTimeWindows(" + size + ", " + offset + ")";
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return EventTimeTrigger.create();
    }

    @Override
    public TypeSerializer<TimeWindow> getWindowSerializer(dev.eddy.api.common.ExecutionConfig config) {
        return new TimeWindow.Serializer();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    private TimeWindowAssigners.LastWindows lastWindows() {
        if (lastWindows == null) {
            lastWindows = new TimeWindowAssigners.LastWindows();
        }
        return lastWindows;
    }
}
