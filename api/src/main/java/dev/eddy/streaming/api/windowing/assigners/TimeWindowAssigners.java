package dev.eddy.streaming.api.windowing.assigners;

import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Shared arithmetic and argument checks of the time window assigners. */
final class TimeWindowAssigners {
    private TimeWindowAssigners() {}

    static long millis(Duration d, String what) {
        if (d == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return d.toMillis();
    }

    static void checkTumbling(long size, long offset) {
        if (size <= 0 || Math.abs(offset) >= size) {
            throw new IllegalArgumentException("Tumbling windows need size > 0 and |offset| < size, got size " + size + " ms and offset "
                    + offset + " ms");
        }
    }

    static void checkSliding(long size, long slide, long offset) {
        if (size <= 0 || slide <= 0 || Math.abs(offset) >= slide) {
            throw new IllegalArgumentException("Sliding windows need size > 0, slide > 0 and |offset| < slide, got size " + size
                    + " ms, slide " + slide + " ms and offset " + offset + " ms");
        }
    }

    static void checkGap(long gap) {
        if (gap <= 0) {
            throw new IllegalArgumentException("Session windows need a gap > 0, got " + gap + " ms");
        }
    }

    static List<TimeWindow> tumbling(long timestamp, long size, long offset) {
        long start = TimeWindow.getWindowStartWithOffset(timestamp, offset, size);
        return List.of(new TimeWindow(start, start + size));
    }

    /** All windows of {@code size} every {@code slide} that contain {@code timestamp}, latest first. */
    static List<TimeWindow> sliding(long timestamp, long size, long slide, long offset) {
        List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
        long lastStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, slide);
        for (long start = lastStart; start > timestamp - size; start -= slide) {
            windows.add(new TimeWindow(start, start + size));
        }
        return windows;
    }

    /**
     * The windows one assigner instance returned last, handed out again while consecutive
     * timestamps fall into the same windows: saves the allocation per element, and keeps one
     * {@link TimeWindow} object per window in window state and timers instead of one per (key,
     * window). Windows are immutable and the lists unmodifiable, so sharing them is safe. Task
     * thread only: each task deserializes its own assigner (the cache is transient there).
     */
    static final class LastWindows {
        private List<TimeWindow> windows;
        private long lastStart;
        private int count;

        /** As {@link TimeWindowAssigners#tumbling}. */
        List<TimeWindow> tumbling(long timestamp, long size, long offset) {
            long start = TimeWindow.getWindowStartWithOffset(timestamp, offset, size);
            if (windows == null || start != lastStart) {
                windows = List.of(new TimeWindow(start, start + size));
                lastStart = start;
                count = 1;
            }
            return windows;
        }

        /** As {@link TimeWindowAssigners#sliding}. */
        List<TimeWindow> sliding(long timestamp, long size, long slide, long offset) {
            long start = TimeWindow.getWindowStartWithOffset(timestamp, offset, slide);
            long reach = size - (timestamp - start); // windows start at start - k * slide for k * slide < reach
            int n = reach <= 0 ? 0 : (int) ((reach - 1) / slide) + 1;
            if (windows == null || start != lastStart || n != count) {
                windows = Collections.unmodifiableList(TimeWindowAssigners.sliding(timestamp, size, slide, offset));
                lastStart = start;
                count = windows.size();
            }
            return windows;
        }
    }

    static long requireTimestamp(long timestamp, Object assigner) {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("Record has no timestamp (Long.MIN_VALUE) for " + assigner + ": event-time windows need"
                    + " timestamps. Call assignTimestampsAndWatermarks(...) before the window, or use processing-time windows.");
        }
        return timestamp;
    }
}
