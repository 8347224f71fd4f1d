package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.runtime.state.internal.InternalValueState;

/**
 * {@link dev.eddy.api.common.state.ValueState} in RocksDB: one entry per key and namespace;
 * updating to null clears. Task thread only.
 */
final class RocksDBValueState<K, N, V> implements InternalValueState<K, N, V> {
    private final ValueCell<V> cell;

    RocksDBValueState(ValueCell<V> cell) {
        this.cell = cell;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        cell.column().setNamespace(namespace);
    }

    @Override
    public V value() {
        return cell.read();
    }

    @Override
    public void update(V value) {
        if (value == null) {
            clear();
            return;
        }
        cell.write(value);
    }

    @Override
    public void clear() {
        cell.delete();
    }
}
