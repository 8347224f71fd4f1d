package dev.eddy.streaming.api.functions.windowing;

import dev.eddy.api.common.functions.AbstractRichFunction;
import dev.eddy.api.common.state.KeyedStateStore;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.util.Collector;
import dev.eddy.util.OutputTag;

/**
 * Evaluates a keyed window when it fires, with a {@link Context} giving the window, time, per-window
 * and per-key state, and side outputs. A rich function: {@code open}/{@code close} and the runtime
 * context are available. Called on the task thread.
 */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** Evaluates the window; {@code elements} are its contents (or the pre-aggregated value). */
    public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** The window is purged at its cleanup time: release the per-window state kept in {@link Context#windowState()}. */
    public void clear(Context context) throws Exception {}

    /** What the function can see while evaluating (or clearing) a window. */
    public abstract class Context {
        public abstract W window();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        /** Keyed state of the current key scoped to this window (clear it in {@link ProcessWindowFunction#clear}). */
        public abstract KeyedStateStore windowState();

        /** Keyed state of the current key across all windows. */
        public abstract KeyedStateStore globalState();

        /** Emits a record to the side output named by {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
