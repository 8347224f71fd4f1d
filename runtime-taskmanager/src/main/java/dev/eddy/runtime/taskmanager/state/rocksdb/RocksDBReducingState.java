package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.api.common.functions.ReduceFunction;
import dev.eddy.runtime.state.internal.InternalReducingState;
import dev.eddy.runtime.taskmanager.state.NamespaceMerge;
import java.util.Collection;
import java.util.Objects;

/**
 * {@link dev.eddy.api.common.state.ReducingState} in RocksDB: the reduced value per key and
 * namespace, read-modify-write. Task thread only.
 */
final class RocksDBReducingState<K, N, T> implements InternalReducingState<K, N, T> {
    private final ValueCell<T> cell;
    private final ReduceFunction<T> reduceFunction;

    RocksDBReducingState(ValueCell<T> cell, ReduceFunction<T> reduceFunction) {
        this.cell = cell;
        this.reduceFunction = reduceFunction;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        cell.column().setNamespace(namespace);
    }

    @Override
    public T get() {
        return cell.read();
    }

    @Override
    public void add(T value) throws Exception {
        Objects.requireNonNull(value, "You cannot add null to a ReducingState.");
        T current = cell.readInternal();
        T reduced = current == null ? value : reduceFunction.reduce(current, value);
        if (reduced == value) {
            cell.write(reduced); // the caller's object: the cell keeps a copy if it keeps objects
        } else {
            cell.writeInternal(reduced);
        }
    }

    @Override
    public void clear() {
        cell.delete();
    }

    @Override
    public T getInternal() {
        return cell.readInternal();
    }

    @Override
    public void updateInternal(T value) {
        if (value == null) {
            cell.delete();
        } else {
            cell.writeInternal(value);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void mergeNamespaces(N target, Collection<N> sources) throws Exception {
        NamespaceMerge.merge(this, (N) cell.column().namespace(), target, sources, reduceFunction::reduce);
    }
}
