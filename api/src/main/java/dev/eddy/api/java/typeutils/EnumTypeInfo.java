package dev.eddy.api.java.typeutils;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.common.typeutils.base.EnumSerializer;
import java.util.Objects;

/** Type information for Java enums (serialized by ordinal). */
public final class EnumTypeInfo<T extends Enum<T>> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> enumClass;

    public EnumTypeInfo(Class<T> enumClass) {
        this.enumClass = Objects.requireNonNull(enumClass, "enumClass");
        if (!Enum.class.isAssignableFrom(enumClass)) {
            throw new IllegalArgumentException(enumClass.getName() + " is not an enum");
        }
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
        return enumClass;
    }

    @Override
    public boolean isKeyType() {
        return true;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new EnumSerializer<>(enumClass);
    }

    @Override
    public String toString() {
        return "EnumTypeInfo<" + enumClass.getName() + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof EnumTypeInfo && ((EnumTypeInfo<?>) obj).enumClass == enumClass;
    }

    @Override
    public int hashCode() {
        return enumClass.getName().hashCode();
    }
}
