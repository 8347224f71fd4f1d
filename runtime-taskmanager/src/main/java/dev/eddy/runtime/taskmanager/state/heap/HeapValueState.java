package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.api.common.state.ValueState;

/** {@link ValueState} on the heap: reads and writes the backend's current key. Task thread only. */
final class HeapValueState<K, V> implements ValueState<V> {
    private final HeapKeyedStateBackend<K> backend;
    private final StateTable<K, V> table;

    HeapValueState(HeapKeyedStateBackend<K> backend, StateTable<K, V> table) {
        this.backend = backend;
        this.table = table;
    }

    @Override
    public V value() {
        return table.get(backend.getCurrentKeyGroupIndex(), backend.requireCurrentKey());
    }

    @Override
    public void update(V value) {
        if (value == null) {
            clear();
            return;
        }
        table.put(backend.getCurrentKeyGroupIndex(), backend.requireCurrentKey(), value);
    }

    @Override
    public void clear() {
        table.remove(backend.getCurrentKeyGroupIndex(), backend.requireCurrentKey());
    }

    StateTable<K, V> getTable() {
        return table;
    }
}
