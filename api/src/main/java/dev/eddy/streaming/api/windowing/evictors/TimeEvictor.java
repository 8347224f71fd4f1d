package dev.eddy.streaming.api.windowing.evictors;

import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.streaming.runtime.operators.windowing.TimestampedValue;
import java.time.Duration;
import java.util.Iterator;

/**
 * Keeps the elements of the last {@code windowSize} of event time: evicts every element whose
 * timestamp is at most the largest timestamp in the window minus {@code windowSize}. Does nothing
 * when the elements have no timestamps.
 */
public class TimeEvictor<W extends Window> implements Evictor<Object, W> {
    private static final long serialVersionUID = 1L;
    private final long windowSize;
    private final boolean doEvictAfter;

    private TimeEvictor(long windowSize, boolean doEvictAfter) {
        this.windowSize = windowSize;
        this.doEvictAfter = doEvictAfter;
    }

    public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
        return new TimeEvictor<>(windowSize.toMillis(), false);
    }

    public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
        return new TimeEvictor<>(windowSize.toMillis(), doEvictAfter);
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements) {
        long max = Long.MIN_VALUE;
        boolean any = false;
        for (TimestampedValue<Object> e : elements) {
            if (e.hasTimestamp()) {
                any = true;
                max = Math.max(max, e.getTimestamp());
            }
        }
        if (!any) {
            return;
        }
        long cutoff = max - windowSize;
        for (Iterator<TimestampedValue<Object>> it = elements.iterator(); it.hasNext(); ) {
            if (it.next().getTimestamp() <= cutoff) {
                it.remove();
            }
        }
    }

    public long getWindowSize() {
        return windowSize;
    }

    @Override
    public String toString() {
        return "TimeEvictor(" + windowSize + ")";
    }
}
