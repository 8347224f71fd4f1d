package dev.eddy.streaming.api.functions.async;

import dev.eddy.api.common.functions.AbstractRichFunction;

/**
 * An {@link AsyncFunction} with the rich function lifecycle: {@code open} before the first
 * {@link #asyncInvoke} (create clients and thread pools there), {@code close} at the end (shut them
 * down), and the runtime context for task information. All lifecycle calls are on the task thread.
 * Keyed state must not be used from the callbacks of asynchronous requests (other threads).
 */
public abstract class RichAsyncFunction<IN, OUT> extends AbstractRichFunction implements AsyncFunction<IN, OUT> {
    private static final long serialVersionUID = 1L;
}
