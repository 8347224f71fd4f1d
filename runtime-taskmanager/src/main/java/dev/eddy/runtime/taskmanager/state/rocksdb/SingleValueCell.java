package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataOutputSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The single stored value of the current key and namespace, for value, reducing and aggregating
 * state: the serialized value, preceded by its last-access timestamp when the state has TTL. With
 * TTL an expired value is deleted when read (and returned once with ReturnExpiredIfNotCleanedUp);
 * OnReadAndWrite rewrites the timestamp of a value that was read. Every read deserializes a fresh
 * object and every write serializes, so user and internal access are the same. Task thread only.
 */
final class SingleValueCell<T> implements ValueCell<T> {
    private final StateColumn column;
    private final TypeSerializer<T> serializer;
    private final RocksDBTtl ttl;

    /** @param ttl null for state without TTL */
    SingleValueCell(StateColumn column, TypeSerializer<T> serializer, RocksDBTtl ttl) {
        this.column = column;
        this.serializer = serializer;
        this.ttl = ttl;
    }

    @Override
    public StateColumn column() {
        return column;
    }

    @Override
    public T read() {
        return get();
    }

    @Override
    public T readInternal() {
        return get();
    }

    @Override
    public void write(T value) {
        put(value);
    }

    @Override
    public void writeInternal(T value) {
        put(value);
    }

    /** The visible value (freshly deserialized), or null. */
    T get() {
        byte[] bytes = column.getCurrent();
        if (bytes == null) {
            return null;
        }
        if (ttl == null) {
            return column.deserialize(serializer, bytes);
        }
        DataInputDeserializer in = column.input(bytes, 0, bytes.length);
        long lastAccess;
        T value;
        try {
            lastAccess = in.readLong();
            value = serializer.deserialize(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not deserialize a value of state '" + column.stateName() + "'", e);
        }
        long now = ttl.now();
        if (ttl.isExpired(lastAccess, now)) {
            column.deleteCurrent();
            return ttl.returnExpired() ? value : null;
        }
        if (ttl.refreshOnRead()) {
            DataOutputSerializer out = column.valueOut();
            out.writeLong(now);
            out.write(bytes, 8, bytes.length - 8);
            column.putCurrent();
        }
        return value;
    }

    /** Stores {@code value} (not null), stamped now when the state has TTL. */
    void put(T value) {
        DataOutputSerializer out = column.valueOut();
        if (ttl != null) {
            out.writeLong(ttl.now());
        }
        try {
            serializer.serialize(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialize a value of state '" + column.stateName() + "'", e);
        }
        column.putCurrent();
    }

    @Override
    public void delete() {
        column.deleteCurrent();
    }
}
