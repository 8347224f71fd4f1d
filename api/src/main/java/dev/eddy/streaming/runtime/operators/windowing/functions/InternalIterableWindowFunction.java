package dev.eddy.streaming.runtime.operators.windowing.functions;

import dev.eddy.streaming.api.functions.windowing.WindowFunction;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.util.Collector;

/** A {@link WindowFunction} over the window's contents. */
public final class InternalIterableWindowFunction<IN, OUT, KEY, W extends Window>
        extends WrappingFunction<WindowFunction<IN, OUT, KEY, W>> implements InternalWindowFunction<Iterable<IN>, OUT, KEY, W> {
    private static final long serialVersionUID = 1L;

    public InternalIterableWindowFunction(WindowFunction<IN, OUT, KEY, W> function) {
        super(function);
    }

    @Override
    public void process(KEY key, W window, InternalWindowContext context, Iterable<IN> input, Collector<OUT> out) throws Exception {
        wrappedFunction.apply(key, window, input, out);
    }

    @Override
    public void clear(W window, InternalWindowContext context) {}
}
