package dev.eddy.runtime.taskmanager.testutil;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;

/** A test serializer for Long values; counts copies so tests can see the copying chain. */
public final class LongSerializer extends TypeSerializer<Long> {
    private static final long serialVersionUID = 1L;
    public static final java.util.concurrent.atomic.AtomicInteger COPIES = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<Long> duplicate() {
        return this;
    }

    @Override
    public Long createInstance() {
        return 0L;
    }

    @Override
    public Long copy(Long from) {
        COPIES.incrementAndGet();
        return from;
    }

    @Override
    public int getLength() {
        return 8;
    }

    @Override
    public void serialize(Long record, DataOutputView target) throws IOException {
        target.writeLong(record);
    }

    @Override
    public Long deserialize(DataInputView source) throws IOException {
        return source.readLong();
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof LongSerializer;
    }

    @Override
    public int hashCode() {
        return 1;
    }
}
