package dev.eddy.streaming.api.windowing.assigners;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.api.windowing.triggers.Trigger;
import dev.eddy.streaming.api.windowing.windows.Window;
import java.io.Serializable;
import java.util.Collection;

/**
 * Assigns each element to zero or more windows. Called by the window operator on the task thread
 * for every element; instances travel inside the job graph (Java-serialized) and must be stateless.
 *
 * @param <T> element type
 * @param <W> window type
 */
public abstract class WindowAssigner<T, W extends Window> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The windows {@code element} with {@code timestamp} (Long.MIN_VALUE when it has none) belongs to. */
    public abstract Collection<W> assignWindows(T element, long timestamp, WindowAssignerContext context);

    /** The trigger used when the user sets none. */
    public abstract Trigger<T, W> getDefaultTrigger();

    /** Serializer of the windows (they are state and timer namespaces). */
    public abstract TypeSerializer<W> getWindowSerializer(dev.eddy.api.common.ExecutionConfig config);

    /** True if windows are based on event time (lateness and cleanup then follow the watermark). */
    public abstract boolean isEventTime();

    /** What an assigner may ask the operator. */
    public abstract static class WindowAssignerContext {
        public abstract long getCurrentProcessingTime();
    }
}
