package dev.eddy.api.common.typeinfo;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeutils.TypeSerializer;
import java.util.Objects;

/** Shared base of single-value type infos backed by one stateless serializer instance. */
abstract class AtomicTypeInfoBase<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> typeClass;
    private final TypeSerializer<T> serializer;

    AtomicTypeInfoBase(Class<T> typeClass, TypeSerializer<T> serializer) {
        this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return typeClass;
    }

    @Override
    public boolean isKeyType() {
        return true;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer;
    }

    @Override
    public boolean equals(Object obj) {
        return obj != null && obj.getClass() == getClass() && ((AtomicTypeInfoBase<?>) obj).typeClass == typeClass;
    }

    @Override
    public int hashCode() {
        return 31 * getClass().getName().hashCode() + typeClass.getName().hashCode();
    }
}
