package dev.eddy.api.common.typeinfo;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeutils.TypeSerializer;
import java.io.Serializable;

/**
 * Describes a data type of a stream or of state and creates its {@link TypeSerializer}. Immutable
 * and serializable; travels inside the job graph.
 */
public abstract class TypeInformation<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract boolean isBasicType();

    public abstract boolean isTupleType();

    /** Number of direct fields (1 for atomic types). */
    public abstract int getArity();

    /** Number of leaf fields when nested types are flattened. */
    public abstract int getTotalFields();

    public abstract Class<T> getTypeClass();

    /** True if the type can be used as a key (has value-based equals/hashCode). */
    public abstract boolean isKeyType();

    public abstract TypeSerializer<T> createSerializer(SerializerConfig config);

    @Override
    public abstract String toString();

    @Override
    public abstract boolean equals(Object obj);

    @Override
    public abstract int hashCode();

    /** Type information for a class without generics; see {@code TypeExtractor#getForClass}. */
    public static <T> TypeInformation<T> of(Class<T> typeClass) {
        return dev.eddy.api.java.typeutils.TypeExtractor.getForClass(typeClass);
    }

    /** Type information for a generic type captured by an anonymous {@link TypeHint} subclass. */
    public static <T> TypeInformation<T> of(TypeHint<T> typeHint) {
        return typeHint.getTypeInfo();
    }
}
