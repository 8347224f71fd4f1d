package dev.eddy.streaming.api.windowing.assigners;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import dev.eddy.streaming.api.windowing.triggers.Trigger;
import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/**
 * Tumbling windows by the processing time (wall clock) at which elements arrive, aligned to the
 * epoch plus an optional offset, and optionally shifted per subtask by a {@link WindowStagger}
 * (decided when the subtask's first element arrives; each subtask has its own assigner instance).
 */
public class TumblingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final long size;
    private final long offset;
    private final WindowStagger stagger;
    /** This subtask's shift, valid once {@link #staggered}; set at the first assignment. Task thread only. */
    private transient long staggerOffset;
    /** False until the first assignment (also after deserialization, hence not a sentinel offset). */
    private transient boolean staggered;

    protected TumblingProcessingTimeWindows(long size, long offset) {
        this(size, offset, WindowStagger.ALIGNED);
    }

    protected TumblingProcessingTimeWindows(long size, long offset, WindowStagger stagger) {
        TimeWindowAssigners.checkTumbling(size, offset);
        if (stagger == null) {
            throw new IllegalArgumentException("The window stagger must not be null; use WindowStagger.ALIGNED for none");
        }
        this.size = size;
        this.offset = offset;
        this.stagger = stagger;
    }

    public static TumblingProcessingTimeWindows of(Duration size) {
        return of(size, Duration.ZERO);
    }

    public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
        return new TumblingProcessingTimeWindows(TimeWindowAssigners.millis(size, "size"), TimeWindowAssigners.millis(offset, "offset"));
    }

    /** Windows of {@code size} at {@code offset}, shifted per subtask by {@code windowStagger}. */
    public static TumblingProcessingTimeWindows of(Duration size, Duration offset, WindowStagger windowStagger) {
        return new TumblingProcessingTimeWindows(TimeWindowAssigners.millis(size, "size"), TimeWindowAssigners.millis(offset, "offset"),
                windowStagger);
    }

    public long getSize() {
        return size;
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long now = context.getCurrentProcessingTime();
        if (!staggered) {
            staggerOffset = stagger.getStaggerOffset(now, size);
            staggered = true;
        }
        return TimeWindowAssigners.tumbling(now, size, (offset + staggerOffset) % size);
    }

    @Override
    public String toString() {
        return "TumblingProcessingTimeWindows(" + size + ", " + offset + (stagger == WindowStagger.ALIGNED ? "" : ", " + stagger) + ")";
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
