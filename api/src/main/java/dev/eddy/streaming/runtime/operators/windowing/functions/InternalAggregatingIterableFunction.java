package dev.eddy.streaming.runtime.operators.windowing.functions;

import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.functions.RuntimeContext;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.util.Collector;
import java.util.Collections;
import java.util.Objects;

/**
 * Aggregates the window's contents when it fires (reduce/aggregate on a window with an evictor,
 * whose contents must be kept as elements), then hands the result to a function over contents as
 * a one-element iterable.
 */
public final class InternalAggregatingIterableFunction<IN, ACC, R, OUT, KEY, W extends Window>
        implements InternalWindowFunction<Iterable<IN>, OUT, KEY, W> {
    private static final long serialVersionUID = 1L;
    private final AggregateFunction<IN, ACC, R> aggregate;
    private final InternalWindowFunction<Iterable<R>, OUT, KEY, W> function;

    public InternalAggregatingIterableFunction(AggregateFunction<IN, ACC, R> aggregate, InternalWindowFunction<Iterable<R>, OUT, KEY, W> function) {
        this.aggregate = Objects.requireNonNull(aggregate, "aggregate function");
        this.function = Objects.requireNonNull(function, "window function");
    }

    @Override
    public void process(KEY key, W window, InternalWindowContext context, Iterable<IN> input, Collector<OUT> out) throws Exception {
        ACC acc = aggregate.createAccumulator();
        for (IN value : input) {
            acc = aggregate.add(value, acc);
        }
        function.process(key, window, context, Collections.singletonList(aggregate.getResult(acc)), out);
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
