package dev.eddy.streaming.runtime.operators.windowing.functions;

import dev.eddy.streaming.api.functions.windowing.AllWindowFunction;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.util.Collector;

/** An {@link AllWindowFunction} over the window's contents (the key is the constant of windowAll). */
public final class InternalIterableAllWindowFunction<IN, OUT, W extends Window>
        extends WrappingFunction<AllWindowFunction<IN, OUT, W>> implements InternalWindowFunction<Iterable<IN>, OUT, Byte, W> {
    private static final long serialVersionUID = 1L;

    public InternalIterableAllWindowFunction(AllWindowFunction<IN, OUT, W> function) {
        super(function);
    }

    @Override
    public void process(Byte key, W window, InternalWindowContext context, Iterable<IN> input, Collector<OUT> out) throws Exception {
        wrappedFunction.apply(window, input, out);
    }

    @Override
    public void clear(W window, InternalWindowContext context) {}
}
