package dev.eddy.streaming.runtime.operators.windowing.functions;

import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.functions.RuntimeContext;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.util.Collector;
import java.util.Collections;
import java.util.Objects;

/**
 * Hands a pre-aggregated window value (reduce/aggregate state) to a function over contents as a
 * one-element iterable.
 */
public final class InternalSingleValueWindowFunction<IN, OUT, KEY, W extends Window> implements InternalWindowFunction<IN, OUT, KEY, W> {
    private static final long serialVersionUID = 1L;
    private final InternalWindowFunction<Iterable<IN>, OUT, KEY, W> function;

    public InternalSingleValueWindowFunction(InternalWindowFunction<Iterable<IN>, OUT, KEY, W> function) {
        this.function = Objects.requireNonNull(function, "window function");
    }

    @Override
    public void process(KEY key, W window, InternalWindowContext context, IN input, Collector<OUT> out) throws Exception {
        function.process(key, window, context, Collections.singletonList(input), out);
    }

    @Override
    public void clear(W window, InternalWindowContext context) throws Exception {
        function.clear(window, context);
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        function.open(openContext);
    }

    @Override
    public void close() throws Exception {
        function.close();
    }

    @Override
    public RuntimeContext getRuntimeContext() {
        return function.getRuntimeContext();
    }

    @Override
    public void setRuntimeContext(RuntimeContext runtimeContext) {
        function.setRuntimeContext(runtimeContext);
    }
}
