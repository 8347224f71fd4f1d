package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.typeutils.TypeSerializer;

/** {@link ValueState} in RocksDB: one entry per key; updating to null clears. Task thread only. */
final class RocksDBValueState<V> implements ValueState<V> {
    private final StateColumn column;
    private final TypeSerializer<V> serializer;

    RocksDBValueState(StateColumn column, TypeSerializer<V> serializer) {
        this.column = column;
        this.serializer = serializer;
    }

    @Override
    public V value() {
        byte[] bytes = column.getCurrent();
        return bytes == null ? null : column.deserialize(serializer, bytes);
    }

    @Override
    public void update(V value) {
        if (value == null) {
            clear();
            return;
        }
        column.serializeValue(serializer, value);
        column.putCurrent();
    }

    @Override
    public void clear() {
        column.deleteCurrent();
    }
}
