package dev.eddy.api.common.typeinfo;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.common.typeutils.base.GenericArraySerializer;
import java.util.Objects;

/** Type information for arrays of basic types ({@code String[]}, {@code Integer[]}, ...); elements may be null. */
public final class BasicArrayTypeInfo<T, C> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    public static final BasicArrayTypeInfo<String[], String> STRING_ARRAY_TYPE_INFO =
            new BasicArrayTypeInfo<>(String[].class, BasicTypeInfo.STRING_TYPE_INFO);
    public static final BasicArrayTypeInfo<Boolean[], Boolean> BOOLEAN_ARRAY_TYPE_INFO =
            new BasicArrayTypeInfo<>(Boolean[].class, BasicTypeInfo.BOOLEAN_TYPE_INFO);
    public static final BasicArrayTypeInfo<Byte[], Byte> BYTE_ARRAY_TYPE_INFO =
            new BasicArrayTypeInfo<>(Byte[].class, BasicTypeInfo.BYTE_TYPE_INFO);
    public static final BasicArrayTypeInfo<Short[], Short> SHORT_ARRAY_TYPE_INFO =
            new BasicArrayTypeInfo<>(Short[].class, BasicTypeInfo.SHORT_TYPE_INFO);
    public static final BasicArrayTypeInfo<Integer[], Integer> INT_ARRAY_TYPE_INFO =
            new BasicArrayTypeInfo<>(Integer[].class, BasicTypeInfo.INT_TYPE_INFO);
    public static final BasicArrayTypeInfo<Long[], Long> LONG_ARRAY_TYPE_INFO =
            new BasicArrayTypeInfo<>(Long[].class, BasicTypeInfo.LONG_TYPE_INFO);
    public static final BasicArrayTypeInfo<Float[], Float> FLOAT_ARRAY_TYPE_INFO =
            new BasicArrayTypeInfo<>(Float[].class, BasicTypeInfo.FLOAT_TYPE_INFO);
    public static final BasicArrayTypeInfo<Double[], Double> DOUBLE_ARRAY_TYPE_INFO =
            new BasicArrayTypeInfo<>(Double[].class, BasicTypeInfo.DOUBLE_TYPE_INFO);
    public static final BasicArrayTypeInfo<Character[], Character> CHAR_ARRAY_TYPE_INFO =
            new BasicArrayTypeInfo<>(Character[].class, BasicTypeInfo.CHAR_TYPE_INFO);

    private final Class<T> arrayClass;
    private final BasicTypeInfo<C> componentInfo;

    private BasicArrayTypeInfo(Class<T> arrayClass, BasicTypeInfo<C> componentInfo) {
        this.arrayClass = Objects.requireNonNull(arrayClass);
        this.componentInfo = Objects.requireNonNull(componentInfo);
    }

    /** The info for an array of a basic type such as {@code String[].class}, or null. */
    @SuppressWarnings("unchecked")
    public static <X, C> BasicArrayTypeInfo<X, C> getInfoFor(Class<X> type) {
        if (!type.isArray() || type.getComponentType().isPrimitive()) {
            return null;
        }
        Class<?> component = type.getComponentType();
        BasicArrayTypeInfo<?, ?>[] all = {
            STRING_ARRAY_TYPE_INFO, BOOLEAN_ARRAY_TYPE_INFO, BYTE_ARRAY_TYPE_INFO, SHORT_ARRAY_TYPE_INFO, INT_ARRAY_TYPE_INFO,
            LONG_ARRAY_TYPE_INFO, FLOAT_ARRAY_TYPE_INFO, DOUBLE_ARRAY_TYPE_INFO, CHAR_ARRAY_TYPE_INFO
        };
        for (BasicArrayTypeInfo<?, ?> info : all) {
            if (info.componentInfo.getTypeClass() == component) {
                return (BasicArrayTypeInfo<X, C>) info;
            }
        }
        return null;
    }

    public TypeInformation<C> getComponentInfo() {
        return componentInfo;
    }

    public Class<C> getComponentTypeClass() {
        return componentInfo.getTypeClass();
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
        return arrayClass;
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
        return "BasicArrayTypeInfo<" + componentInfo + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof BasicArrayTypeInfo && ((BasicArrayTypeInfo<?, ?>) obj).arrayClass == arrayClass;
    }

    @Override
    public int hashCode() {
        return arrayClass.getName().hashCode();
    }
}
