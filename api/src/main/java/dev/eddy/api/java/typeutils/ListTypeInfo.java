package dev.eddy.api.java.typeutils;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.common.typeutils.base.ListSerializer;
import java.util.List;
import java.util.Objects;

/** Type information for {@code List<T>}; values deserialize as {@link java.util.ArrayList}. */
public final class ListTypeInfo<T> extends TypeInformation<List<T>> {
    private static final long serialVersionUID = 1L;
    private final TypeInformation<T> elementTypeInfo;

    public ListTypeInfo(TypeInformation<T> elementTypeInfo) {
        this.elementTypeInfo = Objects.requireNonNull(elementTypeInfo, "elementTypeInfo");
    }

    public ListTypeInfo(Class<T> elementTypeClass) {
        this(TypeExtractor.getForClass(elementTypeClass));
    }

    public TypeInformation<T> getElementTypeInfo() {
        return elementTypeInfo;
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
        return 0;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<List<T>> getTypeClass() {
        return (Class<List<T>>) (Class<?>) List.class;
    }

    /** Java lists/maps have value-based equals/hashCode, so they are keys if their contents are. */
    @Override
    public boolean isKeyType() {
        return elementTypeInfo.isKeyType();
    }

    @Override
    public TypeSerializer<List<T>> createSerializer(SerializerConfig config) {
        return new ListSerializer<>(elementTypeInfo.createSerializer(config));
    }

    @Override
    public String toString() {
        return "List<" + elementTypeInfo + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ListTypeInfo && ((ListTypeInfo<?>) obj).elementTypeInfo.equals(elementTypeInfo);
    }

    @Override
    public int hashCode() {
        return 31 * List.class.hashCode() + elementTypeInfo.hashCode();
    }
}
