package dev.eddy.api.java.typeutils;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.common.typeutils.base.GenericArraySerializer;
import java.lang.reflect.Array;
import java.util.Objects;

/** Type information for arrays of non-basic objects ({@code Foo[]}, {@code Tuple2<A, B>[]}, {@code int[][]}). */
public final class ObjectArrayTypeInfo<T, C> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> arrayType;
    private final TypeInformation<C> componentInfo;

    private ObjectArrayTypeInfo(Class<T> arrayType, TypeInformation<C> componentInfo) {
        this.arrayType = Objects.requireNonNull(arrayType, "arrayType");
        this.componentInfo = Objects.requireNonNull(componentInfo, "componentInfo");
    }

    public static <T, C> ObjectArrayTypeInfo<T, C> getInfoFor(Class<T> arrayClass, TypeInformation<C> componentInfo) {
        if (!arrayClass.isArray() || arrayClass.getComponentType().isPrimitive()) {
            throw new IllegalArgumentException(arrayClass.getName() + " is not an array of objects");
        }
        return new ObjectArrayTypeInfo<>(arrayClass, componentInfo);
    }

    @SuppressWarnings("unchecked")
    public static <T, C> ObjectArrayTypeInfo<T, C> getInfoFor(TypeInformation<C> componentInfo) {
        Class<T> arrayClass = (Class<T>) Array.newInstance(componentInfo.getTypeClass(), 0).getClass();
        return new ObjectArrayTypeInfo<>(arrayClass, componentInfo);
    }

    public TypeInformation<C> getComponentInfo() {
        return componentInfo;
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
        return arrayType;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return (TypeSerializer<T>) new GenericArraySerializer<>(componentInfo.getTypeClass(), componentInfo.createSerializer(config));
    }

    @Override
    public String toString() {
        return "ObjectArrayTypeInfo<" + componentInfo + ">";
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof ObjectArrayTypeInfo)) {
            return false;
        }
        ObjectArrayTypeInfo<?, ?> other = (ObjectArrayTypeInfo<?, ?>) obj;
        return arrayType == other.arrayType && componentInfo.equals(other.componentInfo);
    }

    @Override
    public int hashCode() {
        return 31 * arrayType.getName().hashCode() + componentInfo.hashCode();
    }
}
