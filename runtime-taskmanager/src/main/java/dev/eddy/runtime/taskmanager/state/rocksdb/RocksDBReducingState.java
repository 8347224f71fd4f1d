package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.api.common.functions.ReduceFunction;
import dev.eddy.api.common.state.ReducingState;
import dev.eddy.api.common.typeutils.TypeSerializer;
import java.util.Objects;

/** {@link ReducingState} in RocksDB: the reduced value per key, read-modify-write. Task thread only. */
final class RocksDBReducingState<T> implements ReducingState<T> {
    private final StateColumn column;
    private final TypeSerializer<T> serializer;
    private final ReduceFunction<T> reduceFunction;

    RocksDBReducingState(StateColumn column, TypeSerializer<T> serializer, ReduceFunction<T> reduceFunction) {
        this.column = column;
        this.serializer = serializer;
        this.reduceFunction = reduceFunction;
    }

    @Override
    public T get() {
        byte[] bytes = column.getCurrent();
        return bytes == null ? null : column.deserialize(serializer, bytes);
    }

    @Override
    public void add(T value) throws Exception {
        Objects.requireNonNull(value, "You cannot add null to a ReducingState.");
        T current = get();
        T reduced = current == null ? value : reduceFunction.reduce(current, value);
        column.serializeValue(serializer, reduced);
        column.putCurrent();
    }

    @Override
    public void clear() {
        column.deleteCurrent();
    }
}
