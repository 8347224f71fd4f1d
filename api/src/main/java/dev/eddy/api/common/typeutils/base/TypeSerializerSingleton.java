package dev.eddy.api.common.typeutils.base;

import dev.eddy.api.common.typeutils.TypeSerializer;

/**
 * Base of stateless serializers: one shared instance, {@link #duplicate()} returns {@code this},
 * and two instances are equal when they are of the same class.
 */
public abstract class TypeSerializerSingleton<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public TypeSerializerSingleton<T> duplicate() {
        return this;
    }

    @Override
    public boolean equals(Object obj) {
        return obj != null && obj.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().getName().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
