package dev.eddy.streaming.api.windowing.evictors;

import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.streaming.runtime.operators.windowing.TimestampedValue;
import java.io.Serializable;

/**
 * Removes elements from a window when it fires: {@link #evictBefore} before the window function
 * sees the contents, {@link #evictAfter} after it. Remove elements through the iterator of
 * {@code elements} ({@code Iterator.remove}); what remains is the window's contents afterwards.
 * Called on the task thread; must be stateless.
 */
public interface Evictor<T, W extends Window> extends Serializable {
    void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    /** What an evictor may ask the operator. */
    interface EvictorContext {
        long getCurrentProcessingTime();

        long getCurrentWatermark();
    }
}
