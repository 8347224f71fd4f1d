package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.runtime.state.internal.InternalValueState;

/**
 * {@link dev.eddy.api.common.state.ValueState} on the heap: reads and writes the backend's current
 * key in the state's current namespace. Task thread only.
 */
final class HeapValueState<K, N, V> implements InternalValueState<K, N, V> {
    private final CurrentKeyEntry<K, V> entry;

    HeapValueState(CurrentKeyEntry<K, V> entry) {
        this.entry = entry;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        entry.setNamespace(namespace);
    }

    @Override
    public V value() {
        return entry.get();
    }

    @Override
    public void update(V value) {
        if (value == null) {
            clear();
            return;
        }
        entry.put(value);
    }

    @Override
    public void clear() {
        entry.remove();
    }
}
