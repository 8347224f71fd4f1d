package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.runtime.state.internal.InternalValueState;

/** {@link dev.eddy.api.common.state.ValueState} with TTL on the heap, over a {@link TtlSingleValueEntry}. Task thread only. */
final class TtlValueState<K, N, V> implements InternalValueState<K, N, V> {
    private final KeyedEntry<V> entry;
    private final CurrentKeyEntry<K, ?> scope;

    /** @param scope the entry under the TTL wrapper, which holds the current namespace */
    TtlValueState(KeyedEntry<V> entry, CurrentKeyEntry<K, ?> scope) {
        this.entry = entry;
        this.scope = scope;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        scope.setNamespace(namespace);
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
