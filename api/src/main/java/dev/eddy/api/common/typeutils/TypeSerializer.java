package dev.eddy.api.common.typeutils;

import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;
import java.io.Serializable;

/**
 * Turns values of one type into bytes and back. Serializers travel inside the job graph (Java
 * serialization of the serializer object itself, never of the values).
 *
 * <p>Threading: a serializer may hold mutable scratch state, so an instance is used by one thread
 * at a time; {@link #duplicate()} gives an independent copy for another thread (stateless
 * serializers may return {@code this}).
 */
public abstract class TypeSerializer<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** True if values of this type never change after creation (copy may return the same object). */
    public abstract boolean isImmutableType();

    /** A copy safe to use from another thread. */
    public abstract TypeSerializer<T> duplicate();

    /** A new instance of the type, for types that have a natural empty value; may be null. */
    public abstract T createInstance();

    /** A deep copy of {@code from}. */
    public abstract T copy(T from);

    /** A deep copy of {@code from}, possibly reusing {@code reuse}. */
    public T copy(T from, T reuse) {
        return copy(from);
    }

    /** The serialized length in bytes if fixed, else -1. */
    public abstract int getLength();

    public abstract void serialize(T record, DataOutputView target) throws IOException;

    public abstract T deserialize(DataInputView source) throws IOException;

    /** Deserializes, possibly into {@code reuse}. */
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    /** Copies one serialized record from source to target without necessarily materialising it. */
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public abstract boolean equals(Object obj);

    @Override
    public abstract int hashCode();
}
