package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.runtime.state.internal.InternalAggregatingState;
import dev.eddy.runtime.taskmanager.state.NamespaceMerge;
import java.util.Collection;
import java.util.Objects;

/**
 * {@link dev.eddy.api.common.state.AggregatingState} on the heap: the accumulator per key and
 * namespace, created on the first add; plain or with TTL depending on the entry. Task thread only.
 */
final class HeapAggregatingState<K, N, IN, ACC, OUT> implements InternalAggregatingState<K, N, IN, ACC, OUT> {
    private final KeyedEntry<ACC> entry;
    private final CurrentKeyEntry<K, ?> scope;
    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;
    /** The value being added, for {@link #adder} (task thread only). */
    private IN pending;
    private final KeyedEntry.Update<ACC> adder;

    /** @param scope the table entry (under any TTL wrapper {@code entry}), which holds the current namespace */
    HeapAggregatingState(KeyedEntry<ACC> entry, CurrentKeyEntry<K, ?> scope, AggregateFunction<IN, ACC, OUT> aggregateFunction) {
        this.entry = entry;
        this.scope = scope;
        this.aggregateFunction = aggregateFunction;
        this.adder = acc -> aggregateFunction.add(pending, acc == null ? aggregateFunction.createAccumulator() : acc);
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        scope.setNamespace(namespace);
    }

    @Override
    public OUT get() {
        ACC acc = entry.get();
        return acc == null ? null : aggregateFunction.getResult(acc);
    }

    @Override
    public void add(IN value) throws Exception {
        Objects.requireNonNull(value, "You cannot add null to an AggregatingState.");
        pending = value;
        try {
            entry.update(adder);
        } finally {
            pending = null;
        }
    }

    @Override
    public void clear() {
        entry.remove();
    }

    @Override
    public ACC getInternal() {
        return entry.get();
    }

    @Override
    public void updateInternal(ACC value) {
        if (value == null) {
            entry.remove();
        } else {
            entry.put(value);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
        NamespaceMerge.merge(this, (N) scope.getNamespace(), target, sources, aggregateFunction::merge);
    }
}
