package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A whole list value of list state without TTL in {@link ListFormat}, as one object: what the
 * write-back cache of list state ({@link CachedValueCell} with a merger) loads, stores and merges.
 * Concatenating two serialized lists with the format's delimiter is the serialization of the
 * concatenated lists, so RocksDB's append merge operator and {@link #concat} agree. Internal to the
 * backend: it writes only to a {@link DataOutputSerializer} and reads only a
 * {@link DataInputDeserializer} holding exactly one value. Stateless apart from the element
 * serializer; used by the task thread.
 */
final class ListValueSerializer<T> extends TypeSerializer<List<T>> {
    private static final long serialVersionUID = 1L;
    private final TypeSerializer<T> elementSerializer;

    ListValueSerializer(TypeSerializer<T> elementSerializer) {
        this.elementSerializer = elementSerializer;
    }

    /** The merger of the cache: appends {@code delta} to {@code value} (mutating and returning it). */
    static <T> List<T> concat(List<T> value, List<T> delta) {
        value.addAll(delta);
        return value;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<List<T>> duplicate() {
        TypeSerializer<T> d = elementSerializer.duplicate();
        return d == elementSerializer ? this : new ListValueSerializer<>(d);
    }

    @Override
    public List<T> createInstance() {
        return new ArrayList<>();
    }

    /** A new mutable list of copies of the elements. */
    @Override
    public List<T> copy(List<T> from) {
        return copyOf(from, elementSerializer);
    }

    /** A new mutable list of {@code from}'s elements, each copied unless the elements are immutable. */
    static <T> List<T> copyOf(List<T> from, TypeSerializer<T> elementSerializer) {
        if (elementSerializer.isImmutableType()) {
            return new ArrayList<>(from);
        }
        List<T> copy = new ArrayList<>(from.size());
        for (T e : from) {
            copy.add(elementSerializer.copy(e));
        }
        return copy;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(List<T> record, DataOutputView target) throws IOException {
        if (!(target instanceof DataOutputSerializer out)) {
            throw new IllegalArgumentException("A list value is written to a DataOutputSerializer, not a " + target.getClass().getName());
        }
        ListFormat.writeElements(out, record, elementSerializer, false, 0);
    }

    @Override
    public List<T> deserialize(DataInputView source) throws IOException {
        if (!(source instanceof DataInputDeserializer in)) {
            throw new IllegalArgumentException("A list value is read from a DataInputDeserializer, not a " + source.getClass().getName());
        }
        List<T> list = new ArrayList<>();
        while (in.available() > 0) {
            if (!list.isEmpty() && in.readByte() != ListFormat.DELIMITER) {
                throw new IOException("list state value: no delimiter after element " + list.size());
            }
            int length = in.readInt();
            int before = in.available();
            if (length < 0 || length > before) {
                throw new IOException("list state value: element " + list.size() + " claims " + length + " of " + before + " bytes");
            }
            list.add(elementSerializer.deserialize(in));
            if (before - in.available() != length) {
                throw new IOException("the element serializer read " + (before - in.available()) + " of the " + length
                        + " bytes of list element " + list.size() + "; the descriptor must use the serializer the state was written with");
            }
        }
        return list;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ListValueSerializer<?> other && other.elementSerializer.equals(elementSerializer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ListValueSerializer.class, elementSerializer);
    }
}
