package dev.eddy.api.common.typeutils.base;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Objects;

/**
 * Serializer for object arrays {@code C[]}. Format: int length (-1 = null array), then per element
 * a null flag byte and the element.
 */
public final class GenericArraySerializer<C> extends TypeSerializer<C[]> {
    private static final long serialVersionUID = 1L;
    private final Class<C> componentClass;
    private final TypeSerializer<C> componentSerializer;

    public GenericArraySerializer(Class<C> componentClass, TypeSerializer<C> componentSerializer) {
        this.componentClass = Objects.requireNonNull(componentClass, "componentClass");
        this.componentSerializer = Objects.requireNonNull(componentSerializer, "componentSerializer");
    }

    public Class<C> getComponentClass() {
        return componentClass;
    }

    public TypeSerializer<C> getComponentSerializer() {
        return componentSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<C[]> duplicate() {
        TypeSerializer<C> dup = componentSerializer.duplicate();
        return dup == componentSerializer ? this : new GenericArraySerializer<>(componentClass, dup);
    }

    @SuppressWarnings("unchecked")
    private C[] newArray(int len) {
        return (C[]) Array.newInstance(componentClass, len);
    }

    @Override
    public C[] createInstance() {
        return newArray(0);
    }

    @Override
    public C[] copy(C[] from) {
        if (from == null) {
            return null;
        }
        if (componentSerializer.isImmutableType()) {
            return from.clone();
        }
        C[] result = newArray(from.length);
        for (int i = 0; i < from.length; i++) {
            C element = from[i];
            result[i] = element == null ? null : componentSerializer.copy(element);
        }
        return result;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(C[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(-1);
            return;
        }
        target.writeInt(record.length);
        for (C element : record) {
            if (element == null) {
                target.writeBoolean(false);
            } else {
                target.writeBoolean(true);
                componentSerializer.serialize(element, target);
            }
        }
    }

    @Override
    public C[] deserialize(DataInputView source) throws IOException {
        int len = source.readInt();
        if (len < 0) {
            return null;
        }
        C[] result = newArray(len);
        for (int i = 0; i < len; i++) {
            result[i] = source.readBoolean() ? componentSerializer.deserialize(source) : null;
        }
        return result;
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof GenericArraySerializer)) {
            return false;
        }
        GenericArraySerializer<?> other = (GenericArraySerializer<?>) obj;
        return componentClass == other.componentClass && componentSerializer.equals(other.componentSerializer);
    }

    @Override
    public int hashCode() {
        return 31 * componentClass.getName().hashCode() + componentSerializer.hashCode();
    }

    @Override
    public String toString() {
        return "GenericArraySerializer<" + componentClass.getName() + ">";
    }
}
