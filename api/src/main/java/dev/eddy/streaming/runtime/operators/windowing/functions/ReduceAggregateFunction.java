package dev.eddy.streaming.runtime.operators.windowing.functions;

import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.api.common.functions.ReduceFunction;
import java.util.Objects;

/** A {@link ReduceFunction} seen as an {@link AggregateFunction} (accumulator: a one-slot holder), for evicting windows. */
public final class ReduceAggregateFunction<T> implements AggregateFunction<T, ReduceAggregateFunction.Holder<T>, T> {
    private static final long serialVersionUID = 1L;
    private final ReduceFunction<T> reducer;

    public ReduceAggregateFunction(ReduceFunction<T> reducer) {
        this.reducer = Objects.requireNonNull(reducer, "reduce function");
    }

    /** Mutable accumulator. */
    public static final class Holder<T> {
        T value;
        boolean set;
    }

    @Override
    public Holder<T> createAccumulator() {
        return new Holder<>();
    }

    @Override
    public Holder<T> add(T value, Holder<T> acc) {
        try {
            acc.value = acc.set ? reducer.reduce(acc.value, value) : value;
        } catch (Exception e) {
            throw new IllegalStateException("The reduce function " + reducer.getClass().getName() + " failed", e);
        }
        acc.set = true;
        return acc;
    }

    @Override
    public T getResult(Holder<T> acc) {
        return acc.value;
    }

    @Override
    public Holder<T> merge(Holder<T> a, Holder<T> b) {
        return b.set ? add(b.value, a) : a;
    }
}
