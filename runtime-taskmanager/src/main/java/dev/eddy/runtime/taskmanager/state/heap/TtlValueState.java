package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.api.common.state.ValueState;

/** {@link ValueState} with TTL on the heap, over a {@link TtlSingleValueEntry}. Task thread only. */
final class TtlValueState<V> implements ValueState<V> {
    private final KeyedEntry<V> entry;

    TtlValueState(KeyedEntry<V> entry) {
        this.entry = entry;
    }

    @Override
    public V value() {
        return entry.get();
    }

    @Override
    public void update(V value) {
        if (value == null) {
            clear();
        } else {
            entry.put(value);
        }
    }

    @Override
    public void clear() {
        entry.remove();
    }
}
