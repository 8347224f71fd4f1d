package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.api.common.functions.ReduceFunction;
import dev.eddy.api.common.state.ReducingState;
import java.util.Objects;

/** {@link ReducingState} on the heap: the reduced value per key. Task thread only. */
final class HeapReducingState<K, T> implements ReducingState<T> {
    private final KeyedEntry<T> entry;
    private final ReduceFunction<T> reduceFunction;

    HeapReducingState(KeyedEntry<T> entry, ReduceFunction<T> reduceFunction) {
        this.entry = entry;
        this.reduceFunction = reduceFunction;
    }

    @Override
    public T get() {
        return entry.get();
    }

    @Override
    public void add(T value) throws Exception {
        Objects.requireNonNull(value, "You cannot add null to a ReducingState.");
        T current = entry.get();
        entry.put(current == null ? value : reduceFunction.reduce(current, value));
    }

    @Override
    public void clear() {
        entry.remove();
    }
}
