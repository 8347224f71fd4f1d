package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataOutputSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * {@link ListState} in RocksDB: one entry per key holding the element count (4 bytes) followed by
 * the serialized elements. Appends copy the existing bytes without deserializing them; the entry is
 * never empty (an emptied list is deleted). {@link #get()} returns a read-only copy. Task thread only.
 */
final class RocksDBListState<T> implements ListState<T> {
    private static final String NULL_ELEMENT = "You cannot add null to a ListState.";
    private final StateColumn column;
    private final TypeSerializer<T> elementSerializer;

    RocksDBListState(StateColumn column, TypeSerializer<T> elementSerializer) {
        this.column = column;
        this.elementSerializer = elementSerializer;
    }

    @Override
    public Iterable<T> get() {
        byte[] bytes = column.getCurrent();
        if (bytes == null) {
            return List.of();
        }
        DataInputDeserializer in = column.input(bytes, 0, bytes.length);
        try {
            int n = in.readInt();
            List<T> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(elementSerializer.deserialize(in));
            }
            return Collections.unmodifiableList(list);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not deserialize list state '" + column.stateName() + "'", e);
        }
    }

    @Override
    public void add(T value) {
        Objects.requireNonNull(value, NULL_ELEMENT);
        append(List.of(value));
    }

    @Override
    public void update(List<T> values) {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        requireNoNulls(values);
        DataOutputSerializer out = column.valueOut();
        out.writeInt(values.size());
        writeElements(out, values);
        column.putCurrent();
    }

    @Override
    public void addAll(List<T> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        requireNoNulls(values);
        append(values);
    }

    private void append(List<T> values) {
        byte[] existing = column.getCurrent();
        DataOutputSerializer out = column.valueOut();
        if (existing == null) {
            out.writeInt(values.size());
        } else {
            int count = readCount(existing);
            out.writeInt(count + values.size());
            out.write(existing, 4, existing.length - 4);
        }
        writeElements(out, values);
        column.putCurrent();
    }

    private int readCount(byte[] bytes) {
        try {
            return column.input(bytes, 0, bytes.length).readInt();
        } catch (IOException e) {
            throw new UncheckedIOException("Corrupt entry of list state '" + column.stateName() + "'", e);
        }
    }

    private void writeElements(DataOutputSerializer out, List<T> values) {
        try {
            for (T v : values) {
                elementSerializer.serialize(v, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialize an element of list state '" + column.stateName() + "'", e);
        }
    }

    private static <T> void requireNoNulls(List<T> values) {
        for (T v : values) {
            Objects.requireNonNull(v, NULL_ELEMENT);
        }
    }

    @Override
    public void clear() {
        column.deleteCurrent();
    }
}
