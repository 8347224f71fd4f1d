package dev.eddy.streaming.runtime.operators.windowing.functions;

import dev.eddy.streaming.api.functions.windowing.AllWindowFunction;
import dev.eddy.streaming.api.functions.windowing.WindowFunction;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.util.Collector;

/** Emits the window's (pre-aggregated) values unchanged: reduce/aggregate without a window function. */
public final class PassThroughWindowFunction<K, W extends Window, T> implements WindowFunction<T, T, K, W>, AllWindowFunction<T, T, W> {
    private static final long serialVersionUID = 1L;

    @Override
    public void apply(K key, W window, Iterable<T> input, Collector<T> out) {
        input.forEach(out::collect);
    }

    @Override
    public void apply(W window, Iterable<T> values, Collector<T> out) {
        values.forEach(out::collect);
    }
}
