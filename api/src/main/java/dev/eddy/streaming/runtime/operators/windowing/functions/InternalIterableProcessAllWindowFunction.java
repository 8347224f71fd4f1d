package dev.eddy.streaming.runtime.operators.windowing.functions;

import dev.eddy.api.common.state.KeyedStateStore;
import dev.eddy.streaming.api.functions.windowing.ProcessAllWindowFunction;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.util.Collector;
import dev.eddy.util.OutputTag;

/** A {@link ProcessAllWindowFunction} over the window's contents; one reused context object. */
public final class InternalIterableProcessAllWindowFunction<IN, OUT, W extends Window>
        extends WrappingFunction<ProcessAllWindowFunction<IN, OUT, W>> implements InternalWindowFunction<Iterable<IN>, OUT, Byte, W> {
    private static final long serialVersionUID = 1L;
    private transient ContextImpl context;

    public InternalIterableProcessAllWindowFunction(ProcessAllWindowFunction<IN, OUT, W> function) {
        super(function);
    }

    @Override
    public void process(Byte key, W window, InternalWindowContext internal, Iterable<IN> input, Collector<OUT> out) throws Exception {
        wrappedFunction.process(context(window, internal), input, out);
    }

    @Override
    public void clear(W window, InternalWindowContext internal) throws Exception {
        wrappedFunction.clear(context(window, internal));
    }

    private ContextImpl context(W window, InternalWindowContext internal) {
        if (context == null) {
            context = new ContextImpl(wrappedFunction);
        }
        context.window = window;
        context.internal = internal;
        return context;
    }

    private final class ContextImpl extends ProcessAllWindowFunction<IN, OUT, W>.Context {
        private W window;
        private InternalWindowContext internal;

        ContextImpl(ProcessAllWindowFunction<IN, OUT, W> function) {
            function.super();
        }

        @Override
        public W window() {
            return window;
        }

        @Override
        public KeyedStateStore windowState() {
            return internal.windowState();
        }

        @Override
        public KeyedStateStore globalState() {
            return internal.globalState();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            internal.output(outputTag, value);
        }
    }
}
