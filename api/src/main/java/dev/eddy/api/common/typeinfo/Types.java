package dev.eddy.api.common.typeinfo;

import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.java.tuple.Tuple;
import dev.eddy.api.java.typeutils.EnumTypeInfo;
import dev.eddy.api.java.typeutils.GenericTypeInfo;
import dev.eddy.api.java.typeutils.ListTypeInfo;
import dev.eddy.api.java.typeutils.MapTypeInfo;
import dev.eddy.api.java.typeutils.ObjectArrayTypeInfo;
import dev.eddy.api.java.typeutils.PojoField;
import dev.eddy.api.java.typeutils.PojoTypeInfo;
import dev.eddy.api.java.typeutils.TupleTypeInfo;
import dev.eddy.api.java.typeutils.TypeExtractor;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shortcuts for common type information, as in Flink's {@code Types}. */
public final class Types {
    public static final TypeInformation<Void> VOID = BasicTypeInfo.VOID_TYPE_INFO;
    public static final TypeInformation<String> STRING = BasicTypeInfo.STRING_TYPE_INFO;
    public static final TypeInformation<Byte> BYTE = BasicTypeInfo.BYTE_TYPE_INFO;
    public static final TypeInformation<Boolean> BOOLEAN = BasicTypeInfo.BOOLEAN_TYPE_INFO;
    public static final TypeInformation<Short> SHORT = BasicTypeInfo.SHORT_TYPE_INFO;
    public static final TypeInformation<Integer> INT = BasicTypeInfo.INT_TYPE_INFO;
    public static final TypeInformation<Long> LONG = BasicTypeInfo.LONG_TYPE_INFO;
    public static final TypeInformation<Float> FLOAT = BasicTypeInfo.FLOAT_TYPE_INFO;
    public static final TypeInformation<Double> DOUBLE = BasicTypeInfo.DOUBLE_TYPE_INFO;
    public static final TypeInformation<Character> CHAR = BasicTypeInfo.CHAR_TYPE_INFO;
    public static final TypeInformation<BigDecimal> BIG_DEC = BasicTypeInfo.BIG_DEC_TYPE_INFO;
    public static final TypeInformation<BigInteger> BIG_INT = BasicTypeInfo.BIG_INT_TYPE_INFO;
    public static final TypeInformation<Instant> INSTANT = BasicTypeInfo.INSTANT_TYPE_INFO;
    public static final TypeInformation<LocalDate> LOCAL_DATE = LocalTimeTypeInfo.LOCAL_DATE;
    public static final TypeInformation<LocalTime> LOCAL_TIME = LocalTimeTypeInfo.LOCAL_TIME;
    public static final TypeInformation<LocalDateTime> LOCAL_DATE_TIME = LocalTimeTypeInfo.LOCAL_DATE_TIME;

    private Types() {}

    /** A tuple type with the given field types, e.g. {@code TUPLE(Types.STRING, Types.INT)} for {@code Tuple2<String, Integer>}. */
    public static <T extends Tuple> TypeInformation<T> TUPLE(TypeInformation<?>... types) {
        return new TupleTypeInfo<>(types);
    }

    /** A tuple type from a non-generic subclass of a TupleN, e.g. {@code class Point extends Tuple2<Integer, Integer>}. */
    public static <T extends Tuple> TypeInformation<T> TUPLE(Class<T> tupleSubclass) {
        TypeInformation<T> info = TypeExtractor.getForClass(tupleSubclass);
        if (!(info instanceof TupleTypeInfo)) {
            throw new InvalidTypesException(tupleSubclass.getName() + " is not a tuple type");
        }
        return info;
    }

    /** A POJO (or record) type analysed by reflection. @throws InvalidTypesException if the class is not a valid POJO */
    public static <T> TypeInformation<T> POJO(Class<T> pojoClass) {
        TypeInformation<T> info = TypeExtractor.getForClass(pojoClass);
        if (!(info instanceof PojoTypeInfo)) {
            String reason = info instanceof GenericTypeInfo ? ": " + ((GenericTypeInfo<?>) info).getReason() : "";
            throw new InvalidTypesException(pojoClass.getName() + " cannot be used as a POJO type" + reason);
        }
        return info;
    }

    /**
     * A POJO type with explicitly given field types (for fields whose generic type is erased). Only
     * the listed fields are serialized.
     */
    public static <T> TypeInformation<T> POJO(Class<T> pojoClass, Map<String, TypeInformation<?>> fields) {
        List<PojoField> pojoFields = new ArrayList<>(fields.size());
        for (Map.Entry<String, TypeInformation<?>> e : fields.entrySet()) {
            Field f = findField(pojoClass, e.getKey());
            pojoFields.add(new PojoField(f, e.getValue()));
        }
        return new PojoTypeInfo<>(pojoClass, pojoFields);
    }

    private static Field findField(Class<?> c, String name) {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            try {
                return k.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // keep looking in the superclass
            }
        }
        throw new InvalidTypesException("Field '" + name + "' does not exist in " + c.getName());
    }

    /** Arrays of primitives ({@code Types.PRIMITIVE_ARRAY(Types.INT)} is {@code int[]}). */
    public static TypeInformation<?> PRIMITIVE_ARRAY(TypeInformation<?> elementType) {
        Class<?> boxed = elementType.getTypeClass();
        Class<?>[][] pairs = {
            {Boolean.class, boolean[].class}, {Byte.class, byte[].class}, {Short.class, short[].class}, {Integer.class, int[].class},
            {Long.class, long[].class}, {Float.class, float[].class}, {Double.class, double[].class}, {Character.class, char[].class}
        };
        for (Class<?>[] pair : pairs) {
            if (pair[0] == boxed) {
                return PrimitiveArrayTypeInfo.getInfoFor(pair[1]);
            }
        }
        throw new InvalidTypesException("No primitive array type for element type " + elementType);
    }

    /** Arrays of objects; basic element types give a {@link BasicArrayTypeInfo}. */
    @SuppressWarnings("unchecked")
    public static <E> TypeInformation<E[]> OBJECT_ARRAY(TypeInformation<E> elementType) {
        if (elementType instanceof BasicTypeInfo) {
            Class<?> arrayClass = java.lang.reflect.Array.newInstance(elementType.getTypeClass(), 0).getClass();
            BasicArrayTypeInfo<?, ?> basic = BasicArrayTypeInfo.getInfoFor(arrayClass);
            if (basic != null) {
                return (TypeInformation<E[]>) basic;
            }
        }
        return ObjectArrayTypeInfo.getInfoFor(elementType);
    }

    public static <E> TypeInformation<List<E>> LIST(TypeInformation<E> elementType) {
        return new ListTypeInfo<>(elementType);
    }

    public static <K, V> TypeInformation<Map<K, V>> MAP(TypeInformation<K> keyType, TypeInformation<V> valueType) {
        return new MapTypeInfo<>(keyType, valueType);
    }

    public static <E extends Enum<E>> TypeInformation<E> ENUM(Class<E> enumType) {
        return new EnumTypeInfo<>(enumType);
    }

    /** A type without a built-in serializer (needs {@code pipeline.generic-types.java-serialization: true}). */
    public static <T> TypeInformation<T> GENERIC(Class<T> genericClass) {
        return new GenericTypeInfo<>(genericClass);
    }
}
