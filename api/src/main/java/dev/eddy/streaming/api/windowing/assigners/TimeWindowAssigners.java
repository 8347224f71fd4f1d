package dev.eddy.streaming.api.windowing.assigners;

import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
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

    static long requireTimestamp(long timestamp, Object assigner) {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("Record has no timestamp (Long.MIN_VALUE) for " + assigner + ": event-time windows need"
                    + " timestamps. Call assignTimestampsAndWatermarks(...) before the window, or use processing-time windows.");
        }
        return timestamp;
    }
}
