package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.runtime.state.internal.InternalAggregatingState;
import dev.eddy.runtime.taskmanager.state.NamespaceMerge;
import java.util.Collection;
import java.util.Objects;

/**
 * {@link dev.eddy.api.common.state.AggregatingState} in RocksDB: the serialized accumulator per
 * key and namespace, created on the first add. Task thread only.
 */
final class RocksDBAggregatingState<K, N, IN, ACC, OUT> implements InternalAggregatingState<K, N, IN, ACC, OUT> {
    private final ValueCell<ACC> cell;
    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

    RocksDBAggregatingState(ValueCell<ACC> cell, AggregateFunction<IN, ACC, OUT> aggregateFunction) {
        this.cell = cell;
        this.aggregateFunction = aggregateFunction;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        cell.column().setNamespace(namespace);
    }

    @Override
    public OUT get() {
        ACC acc = cell.read();
        return acc == null ? null : aggregateFunction.getResult(acc);
    }

    @Override
    public void add(IN value) {
        Objects.requireNonNull(value, "You cannot add null to an AggregatingState.");
        ACC acc = cell.readInternal();
        if (acc == null) {
            acc = aggregateFunction.createAccumulator();
        }
        cell.writeInternal(aggregateFunction.add(value, acc));
    }

    @Override
    public void clear() {
        cell.delete();
    }

    @Override
    public ACC getInternal() {
        return cell.readInternal();
    }

    @Override
    public void updateInternal(ACC value) {
        if (value == null) {
            cell.delete();
        } else {
            cell.writeInternal(value);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
        NamespaceMerge.merge(this, (N) cell.column().namespace(), target, sources, aggregateFunction::merge);
    }
}
