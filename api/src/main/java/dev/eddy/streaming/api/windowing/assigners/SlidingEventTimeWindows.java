package dev.eddy.streaming.api.windowing.assigners;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.api.windowing.triggers.EventTimeTrigger;
import dev.eddy.streaming.api.windowing.triggers.Trigger;
import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/**
 * Sliding event-time windows of {@code size} starting every {@code slide}: an element belongs to
 * {@code size / slide} windows (rounded up at the edges).
 */
public class SlidingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    /** The windows assigned last (see {@link TimeWindowAssigners.LastWindows}); per task, not serialized. */
    private transient TimeWindowAssigners.LastWindows lastWindows;
    private final long size;
    private final long slide;
    private final long offset;

    protected SlidingEventTimeWindows(long size, long slide, long offset) {
        TimeWindowAssigners.checkSliding(size, slide, offset);
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    public static SlidingEventTimeWindows of(Duration size, Duration slide) {
        return of(size, slide, Duration.ZERO);
    }

    public static SlidingEventTimeWindows of(Duration size, Duration slide, Duration offset) {
        return new SlidingEventTimeWindows(TimeWindowAssigners.millis(size, "size"), TimeWindowAssigners.millis(slide, "slide"),
                TimeWindowAssigners.millis(offset, "offset"));
    }

    public long getSize() {
        return size;
    }

    public long getSlide() {
        return slide;
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return lastWindows().sliding(TimeWindowAssigners.requireTimestamp(timestamp, this), size, slide, offset);
    }

    @Override
    public String toString() {
        return "SlidingEventTimeWindows(" + size + ", " + slide + ")";
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
