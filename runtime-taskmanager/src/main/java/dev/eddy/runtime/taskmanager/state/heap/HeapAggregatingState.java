package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.api.common.state.AggregatingState;
import java.util.Objects;

/**
 * {@link AggregatingState} on the heap: the accumulator per key, created on the first add.
 * Task thread only.
 */
final class HeapAggregatingState<K, IN, ACC, OUT> implements AggregatingState<IN, OUT> {
    private final KeyedEntry<ACC> entry;
    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

    HeapAggregatingState(KeyedEntry<ACC> entry, AggregateFunction<IN, ACC, OUT> aggregateFunction) {
        this.entry = entry;
        this.aggregateFunction = aggregateFunction;
    }

    @Override
    public OUT get() {
        ACC acc = entry.get();
        return acc == null ? null : aggregateFunction.getResult(acc);
    }

    @Override
    public void add(IN value) {
        Objects.requireNonNull(value, "You cannot add null to an AggregatingState.");
        ACC acc = entry.get();
        if (acc == null) {
            acc = aggregateFunction.createAccumulator();
        }
        entry.put(aggregateFunction.add(value, acc));
    }

    @Override
    public void clear() {
        entry.remove();
    }
}
