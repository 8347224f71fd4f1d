package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.api.common.functions.ReduceFunction;
import dev.eddy.runtime.state.internal.InternalReducingState;
import dev.eddy.runtime.taskmanager.state.NamespaceMerge;
import java.util.Collection;
import java.util.Objects;

/**
 * {@link dev.eddy.api.common.state.ReducingState} on the heap: the reduced value per key and
 * namespace, plain or with TTL depending on the entry. Task thread only.
 */
final class HeapReducingState<K, N, T> implements InternalReducingState<K, N, T> {
    private final KeyedEntry<T> entry;
    private final CurrentKeyEntry<K, ?> scope;
    private final ReduceFunction<T> reduceFunction;
    /** The value being added, for {@link #reducer} (task thread only). */
    private T pending;
    private final KeyedEntry.Update<T> reducer;

    /** @param scope the table entry (under any TTL wrapper {@code entry}), which holds the current namespace */
    HeapReducingState(KeyedEntry<T> entry, CurrentKeyEntry<K, ?> scope, ReduceFunction<T> reduceFunction) {
        this.entry = entry;
        this.scope = scope;
        this.reduceFunction = reduceFunction;
        this.reducer = current -> current == null ? pending : reduceFunction.reduce(current, pending);
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        scope.setNamespace(namespace);
    }

    @Override
    public T get() {
        return entry.get();
    }

    @Override
    public void add(T value) throws Exception {
        Objects.requireNonNull(value, "You cannot add null to a ReducingState.");
        pending = value;
        try {
            entry.update(reducer);
        } finally {
            pending = null;
        }
    }

    @Override
    public void clear() {
        entry.remove();
    }

    @Override
    public T getInternal() {
        return entry.get();
    }

    @Override
    public void updateInternal(T value) {
        if (value == null) {
            entry.remove();
        } else {
            entry.put(value);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
        NamespaceMerge.merge(this, (N) scope.getNamespace(), target, sources, reduceFunction::reduce);
    }
}
