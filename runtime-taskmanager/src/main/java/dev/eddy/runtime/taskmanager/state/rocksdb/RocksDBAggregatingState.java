package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.api.common.state.AggregatingState;
import dev.eddy.api.common.typeutils.TypeSerializer;
import java.util.Objects;

/**
 * {@link AggregatingState} in RocksDB: the serialized accumulator per key, created on the first
 * add. Task thread only.
 */
final class RocksDBAggregatingState<IN, ACC, OUT> implements AggregatingState<IN, OUT> {
    private final StateColumn column;
    private final TypeSerializer<ACC> serializer;
    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

    RocksDBAggregatingState(StateColumn column, TypeSerializer<ACC> serializer, AggregateFunction<IN, ACC, OUT> aggregateFunction) {
        this.column = column;
        this.serializer = serializer;
        this.aggregateFunction = aggregateFunction;
    }

    private ACC accumulator() {
        byte[] bytes = column.getCurrent();
        return bytes == null ? null : column.deserialize(serializer, bytes);
    }

    @Override
    public OUT get() {
        ACC acc = accumulator();
        return acc == null ? null : aggregateFunction.getResult(acc);
    }

    @Override
    public void add(IN value) {
        Objects.requireNonNull(value, "You cannot add null to an AggregatingState.");
        ACC acc = accumulator();
        if (acc == null) {
            acc = aggregateFunction.createAccumulator();
        }
        column.serializeValue(serializer, aggregateFunction.add(value, acc));
        column.putCurrent();
    }

    @Override
    public void clear() {
        column.deleteCurrent();
    }
}
