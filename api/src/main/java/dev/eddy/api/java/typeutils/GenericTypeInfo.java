package dev.eddy.api.java.typeutils;

import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.java.typeutils.runtime.JavaSerializer;
import java.util.Objects;

/**
 * Type information for a type Eddy has no built-in serializer for. Unlike Flink there is no silent
 * fallback: {@link #createSerializer} fails with an explanation unless the job opted into Java
 * serialization ({@code pipeline.generic-types.java-serialization: true}).
 */
public final class GenericTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> typeClass;
    private final String reason;

    public GenericTypeInfo(Class<T> typeClass) {
        this(typeClass, null);
    }

    /** @param reason why the type is not a POJO/record/known type, or null to compute it on demand */
    public GenericTypeInfo(Class<T> typeClass, String reason) {
        this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
        this.reason = reason;
    }

    /** Why Eddy treats this type as generic. */
    public String getReason() {
        return reason != null ? reason : PojoAnalyzer.whyNotSupported(typeClass);
    }

    @Override
    public boolean isBasicType() {
        return false;
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
        return !typeClass.isArray() && PojoAnalyzer.hasValueEquality(typeClass);
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        if (config != null && config.isJavaSerializationFallback()) {
            return new JavaSerializer<>(typeClass);
        }
        throw new InvalidTypesException("Type " + typeClass.getName() + " has no Eddy serializer: " + getReason()
                + ". To fix this, make it a POJO (public class, public no-argument constructor, every field public or with"
                + " a public getter and setter) or a Java record, declare the type with returns(...) / a TypeHint, or set"
                + " 'pipeline.generic-types.java-serialization: true' to fall back to (slow) Java serialization.");
    }

    @Override
    public String toString() {
        return "GenericType<" + (typeClass.getCanonicalName() != null ? typeClass.getCanonicalName() : typeClass.getName()) + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof GenericTypeInfo && ((GenericTypeInfo<?>) obj).typeClass == typeClass;
    }

    @Override
    public int hashCode() {
        return typeClass.getName().hashCode();
    }
}
