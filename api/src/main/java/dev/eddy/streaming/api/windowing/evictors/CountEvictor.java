package dev.eddy.streaming.api.windowing.evictors;

import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.streaming.runtime.operators.windowing.TimestampedValue;
import java.util.Iterator;

/** Keeps at most {@code maxCount} elements: evicts the oldest (first added) beyond that. */
public class CountEvictor<W extends Window> implements Evictor<Object, W> {
    private static final long serialVersionUID = 1L;
    private final long maxCount;
    private final boolean doEvictAfter;

    private CountEvictor(long maxCount, boolean doEvictAfter) {
        if (maxCount < 0) {
            throw new IllegalArgumentException("CountEvictor needs a count >= 0, got " + maxCount);
        }
        this.maxCount = maxCount;
        this.doEvictAfter = doEvictAfter;
    }

    /** Evicts before the window function. */
    public static <W extends Window> CountEvictor<W> of(long maxCount) {
        return new CountEvictor<>(maxCount, false);
    }

    /** @param doEvictAfter evict after the window function instead of before */
    public static <W extends Window> CountEvictor<W> of(long maxCount, boolean doEvictAfter) {
        return new CountEvictor<>(maxCount, doEvictAfter);
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements, size);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements, size);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements, int size) {
        long toEvict = size - maxCount;
        for (Iterator<TimestampedValue<Object>> it = elements.iterator(); toEvict > 0 && it.hasNext(); toEvict--) {
            it.next();
            it.remove();
        }
    }

    @Override
    public String toString() {
        return "CountEvictor(" + maxCount + ")";
    }
}
