package dev.eddy.streaming.runtime.operators.windowing.functions;

import dev.eddy.api.common.functions.RichFunction;
import dev.eddy.api.common.state.KeyedStateStore;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.util.Collector;
import dev.eddy.util.OutputTag;

/**
 * The window operator's view of the user's window function, whatever its kind (window function,
 * process window function, keyed or all-window, over contents or a pre-aggregated value). Rich:
 * the operator forwards the runtime context, {@code open} and {@code close} to the user function.
 * Called on the task thread.
 *
 * @param <IN> what the window state yields (contents iterable, or the aggregated value)
 */
public interface InternalWindowFunction<IN, OUT, KEY, W extends Window> extends RichFunction {
    void process(KEY key, W window, InternalWindowContext context, IN input, Collector<OUT> out) throws Exception;

    /** The window is cleaned up (its per-window state must go). */
    void clear(W window, InternalWindowContext context) throws Exception;

    /** What the operator offers the function for the window being evaluated. */
    interface InternalWindowContext {
        long currentProcessingTime();

        long currentWatermark();

        KeyedStateStore windowState();

        KeyedStateStore globalState();

        <X> void output(OutputTag<X> outputTag, X value);
    }
}
