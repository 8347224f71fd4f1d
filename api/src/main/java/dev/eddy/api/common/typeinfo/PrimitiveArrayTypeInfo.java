package dev.eddy.api.common.typeinfo;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.common.typeutils.base.array.BooleanPrimitiveArraySerializer;
import dev.eddy.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import dev.eddy.api.common.typeutils.base.array.CharPrimitiveArraySerializer;
import dev.eddy.api.common.typeutils.base.array.DoublePrimitiveArraySerializer;
import dev.eddy.api.common.typeutils.base.array.FloatPrimitiveArraySerializer;
import dev.eddy.api.common.typeutils.base.array.IntPrimitiveArraySerializer;
import dev.eddy.api.common.typeutils.base.array.LongPrimitiveArraySerializer;
import dev.eddy.api.common.typeutils.base.array.ShortPrimitiveArraySerializer;
import java.util.Map;
import java.util.Objects;

/** Type information for arrays of primitives ({@code int[]}, {@code byte[]}, ...). Not usable as keys. */
public final class PrimitiveArrayTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    public static final PrimitiveArrayTypeInfo<boolean[]> BOOLEAN_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(boolean[].class, BooleanPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<byte[]> BYTE_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(byte[].class, BytePrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<short[]> SHORT_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(short[].class, ShortPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<int[]> INT_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(int[].class, IntPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<long[]> LONG_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(long[].class, LongPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<float[]> FLOAT_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(float[].class, FloatPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<double[]> DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(double[].class, DoublePrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<char[]> CHAR_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(char[].class, CharPrimitiveArraySerializer.INSTANCE);

    private static final Map<Class<?>, PrimitiveArrayTypeInfo<?>> BY_CLASS = Map.of(
            boolean[].class, BOOLEAN_PRIMITIVE_ARRAY_TYPE_INFO, byte[].class, BYTE_PRIMITIVE_ARRAY_TYPE_INFO,
            short[].class, SHORT_PRIMITIVE_ARRAY_TYPE_INFO, int[].class, INT_PRIMITIVE_ARRAY_TYPE_INFO,
            long[].class, LONG_PRIMITIVE_ARRAY_TYPE_INFO, float[].class, FLOAT_PRIMITIVE_ARRAY_TYPE_INFO,
            double[].class, DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO, char[].class, CHAR_PRIMITIVE_ARRAY_TYPE_INFO);

    private final Class<T> arrayClass;
    private final TypeSerializer<T> serializer;

    private PrimitiveArrayTypeInfo(Class<T> arrayClass, TypeSerializer<T> serializer) {
        this.arrayClass = Objects.requireNonNull(arrayClass);
        this.serializer = Objects.requireNonNull(serializer);
    }

    /** The info for a primitive array class such as {@code int[].class}, or null. */
    @SuppressWarnings("unchecked")
    public static <X> PrimitiveArrayTypeInfo<X> getInfoFor(Class<X> type) {
        return (PrimitiveArrayTypeInfo<X>) BY_CLASS.get(type);
    }

    /** The basic type info of the (boxed) component type. */
    public TypeInformation<?> getComponentType() {
        return BasicTypeInfo.getInfoFor(arrayClass.getComponentType());
    }

    public Class<?> getComponentClass() {
        return arrayClass.getComponentType();
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
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer;
    }

    @Override
    public String toString() {
        return arrayClass.getComponentType().getName() + "[]";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PrimitiveArrayTypeInfo && ((PrimitiveArrayTypeInfo<?>) obj).arrayClass == arrayClass;
    }

    @Override
    public int hashCode() {
        return arrayClass.getName().hashCode();
    }

    private Object readResolve() {
        PrimitiveArrayTypeInfo<?> canonical = BY_CLASS.get(arrayClass);
        return canonical != null ? canonical : this;
    }
}
