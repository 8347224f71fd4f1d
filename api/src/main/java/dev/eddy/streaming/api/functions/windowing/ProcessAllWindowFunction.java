package dev.eddy.streaming.api.functions.windowing;

import dev.eddy.api.common.functions.AbstractRichFunction;
import dev.eddy.api.common.state.KeyedStateStore;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.util.Collector;
import dev.eddy.util.OutputTag;

/** Evaluates a non-keyed window ({@code windowAll}) with a {@link Context}. Rich function; task thread. */
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** The window is purged at its cleanup time: release per-window state. */
    public void clear(Context context) throws Exception {}

    /** What the function can see while evaluating (or clearing) a window. */
    public abstract class Context {
        public abstract W window();

        public abstract KeyedStateStore windowState();

        public abstract KeyedStateStore globalState();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
