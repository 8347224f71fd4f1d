package dev.eddy.streaming.runtime.operators.windowing.functions;

import dev.eddy.api.common.state.KeyedStateStore;
import dev.eddy.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.util.Collector;
import dev.eddy.util.OutputTag;

/** A {@link ProcessWindowFunction} over the window's contents; one reused context object. */
public final class InternalIterableProcessWindowFunction<IN, OUT, KEY, W extends Window>
        extends WrappingFunction<ProcessWindowFunction<IN, OUT, KEY, W>> implements InternalWindowFunction<Iterable<IN>, OUT, KEY, W> {
    private static final long serialVersionUID = 1L;
    private transient ContextImpl context;

    public InternalIterableProcessWindowFunction(ProcessWindowFunction<IN, OUT, KEY, W> function) {
        super(function);
    }

    @Override
    public void process(KEY key, W window, InternalWindowContext internal, Iterable<IN> input, Collector<OUT> out) throws Exception {
        wrappedFunction.process(key, context(window, internal), input, out);
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

    private final class ContextImpl extends ProcessWindowFunction<IN, OUT, KEY, W>.Context {
        private W window;
        private InternalWindowContext internal;

        ContextImpl(ProcessWindowFunction<IN, OUT, KEY, W> function) {
            function.super();
        }

        @Override
        public W window() {
            return window;
        }

        @Override
        public long currentProcessingTime() {
            return internal.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return internal.currentWatermark();
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
