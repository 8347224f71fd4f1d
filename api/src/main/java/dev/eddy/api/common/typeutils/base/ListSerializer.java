package dev.eddy.api.common.typeutils.base;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Serializer for {@link List}s, deserialized as {@link ArrayList}. Format: int size (-1 = null
 * list), then per element a null flag byte and the element. Not thread-safe if the element
 * serializer is not; {@link #duplicate()} duplicates it.
 */
public final class ListSerializer<T> extends TypeSerializer<List<T>> {
    private static final long serialVersionUID = 1L;
    private final TypeSerializer<T> elementSerializer;

    public ListSerializer(TypeSerializer<T> elementSerializer) {
        this.elementSerializer = Objects.requireNonNull(elementSerializer, "elementSerializer");
    }

    public TypeSerializer<T> getElementSerializer() {
        return elementSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<List<T>> duplicate() {
        TypeSerializer<T> dup = elementSerializer.duplicate();
        return dup == elementSerializer ? this : new ListSerializer<>(dup);
    }

    @Override
    public List<T> createInstance() {
        return new ArrayList<>(0);
    }

    @Override
    public List<T> copy(List<T> from) {
        if (from == null) {
            return null;
        }
        List<T> result = new ArrayList<>(from.size());
        if (elementSerializer.isImmutableType()) {
            result.addAll(from);
        } else {
            for (T element : from) {
                result.add(element == null ? null : elementSerializer.copy(element));
            }
        }
        return result;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(List<T> record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(-1);
            return;
        }
        int size = record.size();
        target.writeInt(size);
        int written = 0;
        for (T element : record) {
            if (element == null) {
                target.writeBoolean(false);
            } else {
                target.writeBoolean(true);
                elementSerializer.serialize(element, target);
            }
            written++;
        }
        if (written != size) {
            throw new IOException("List changed while being serialized: size() said " + size + " but iteration gave " + written);
        }
    }

    @Override
    public List<T> deserialize(DataInputView source) throws IOException {
        int size = source.readInt();
        if (size < 0) {
            return null;
        }
        List<T> result = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            result.add(source.readBoolean() ? elementSerializer.deserialize(source) : null);
        }
        return result;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ListSerializer && ((ListSerializer<?>) obj).elementSerializer.equals(elementSerializer);
    }

    @Override
    public int hashCode() {
        return 31 * ListSerializer.class.hashCode() + elementSerializer.hashCode();
    }

    @Override
    public String toString() {
        return "ListSerializer<" + elementSerializer + ">";
    }
}
