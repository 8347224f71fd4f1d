package dev.eddy.streaming.api.windowing.windows;

import dev.eddy.api.common.typeutils.base.TypeSerializerSingleton;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import dev.eddy.streaming.api.windowing.assigners.MergingWindowAssigner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A window of time: {@code start} inclusive, {@code end} exclusive; its max timestamp is
 * {@code end - 1}. Immutable value.
 */
public final class TimeWindow extends Window {
    private final long start;
    private final long end;

    public TimeWindow(long start, long end) {
        this.start = start;
        this.end = end;
    }

    public long getStart() {
        return start;
    }

    public long getEnd() {
        return end;
    }

    @Override
    public long maxTimestamp() {
        return end - 1;
    }

    /** True if this window and {@code other} overlap or touch (sessions merge then). */
    public boolean intersects(TimeWindow other) {
        return start <= other.end && end >= other.start;
    }

    /** The smallest window covering both. */
    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    /**
     * The start of the window of length {@code windowSize} shifted by {@code offset} that contains
     * {@code timestamp} (windows are aligned to the epoch plus offset; negative timestamps work).
     */
    public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
        long remainder = (timestamp - offset) % windowSize;
        if (remainder < 0) {
            remainder += windowSize;
        }
        return timestamp - remainder;
    }

    /**
     * Merges overlapping windows: sorts by start, groups windows that intersect the running cover,
     * and reports each group of two or more to {@code callback} with its cover.
     */
    public static void mergeWindows(Collection<TimeWindow> windows, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparingLong(TimeWindow::getStart));
        TimeWindow cover = null;
        Set<TimeWindow> group = new LinkedHashSet<>();
        for (TimeWindow w : sorted) {
            if (cover != null && cover.intersects(w)) {
                cover = cover.cover(w);
                group.add(w);
                continue;
            }
            reportGroup(cover, group, callback);
            cover = w;
            group = new LinkedHashSet<>();
            group.add(w);
        }
        reportGroup(cover, group, callback);
    }

    private static void reportGroup(TimeWindow cover, Set<TimeWindow> group, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
        if (cover != null && group.size() > 1) {
            callback.merge(group, cover);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindow w && w.start == start && w.end == end;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(start) * 31 + Long.hashCode(end);
    }

    @Override
    public String toString() {
        return "TimeWindow{start=" + start + ", end=" + end + "}";
    }

    /** Serializer of {@link TimeWindow}: start and end as two longs. */
    public static final class Serializer extends TypeSerializerSingleton<TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isImmutableType() {
            return true;
        }

        @Override
        public TimeWindow createInstance() {
            return null;
        }

        @Override
        public TimeWindow copy(TimeWindow from) {
            return from;
        }

        @Override
        public int getLength() {
            return 16;
        }

        @Override
        public void serialize(TimeWindow record, DataOutputView target) throws IOException {
            target.writeLong(record.start);
            target.writeLong(record.end);
        }

        @Override
        public TimeWindow deserialize(DataInputView source) throws IOException {
            long start = source.readLong();
            return new TimeWindow(start, source.readLong());
        }
    }
}
