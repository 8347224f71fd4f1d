package dev.eddy.streaming.runtime.operators.windowing;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.io.IOException;
import java.util.Objects;

/**
 * Serializer of a {@link StreamRecord} kept in state (evicting windows keep elements with their
 * timestamps): a flag byte, the timestamp if present, then the value.
 */
public final class StreamRecordSerializer<T> extends TypeSerializer<StreamRecord<T>> {
    private static final long serialVersionUID = 1L;
    private final TypeSerializer<T> valueSerializer;

    public StreamRecordSerializer(TypeSerializer<T> valueSerializer) {
        this.valueSerializer = Objects.requireNonNull(valueSerializer, "value serializer");
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<StreamRecord<T>> duplicate() {
        TypeSerializer<T> d = valueSerializer.duplicate();
        return d == valueSerializer ? this : new StreamRecordSerializer<>(d);
    }

    @Override
    public StreamRecord<T> createInstance() {
        return new StreamRecord<>(valueSerializer.createInstance());
    }

    @Override
    public StreamRecord<T> copy(StreamRecord<T> from) {
        T value = valueSerializer.copy(from.getValue());
        return from.hasTimestamp() ? new StreamRecord<>(value, from.getTimestamp()) : new StreamRecord<>(value);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(StreamRecord<T> record, DataOutputView target) throws IOException {
        target.writeBoolean(record.hasTimestamp());
        if (record.hasTimestamp()) {
            target.writeLong(record.getTimestamp());
        }
        valueSerializer.serialize(record.getValue(), target);
    }

    @Override
    public StreamRecord<T> deserialize(DataInputView source) throws IOException {
        boolean hasTimestamp = source.readBoolean();
        long timestamp = hasTimestamp ? source.readLong() : 0;
        T value = valueSerializer.deserialize(source);
        return hasTimestamp ? new StreamRecord<>(value, timestamp) : new StreamRecord<>(value);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof StreamRecordSerializer<?> s && s.valueSerializer.equals(valueSerializer);
    }

    @Override
    public int hashCode() {
        return valueSerializer.hashCode() + 7;
    }
}
