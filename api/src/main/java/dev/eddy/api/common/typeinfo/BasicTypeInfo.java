package dev.eddy.api.common.typeinfo;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.common.typeutils.base.BigDecSerializer;
import dev.eddy.api.common.typeutils.base.BigIntSerializer;
import dev.eddy.api.common.typeutils.base.BooleanSerializer;
import dev.eddy.api.common.typeutils.base.ByteSerializer;
import dev.eddy.api.common.typeutils.base.CharSerializer;
import dev.eddy.api.common.typeutils.base.DoubleSerializer;
import dev.eddy.api.common.typeutils.base.FloatSerializer;
import dev.eddy.api.common.typeutils.base.InstantSerializer;
import dev.eddy.api.common.typeutils.base.IntSerializer;
import dev.eddy.api.common.typeutils.base.LongSerializer;
import dev.eddy.api.common.typeutils.base.ShortSerializer;
import dev.eddy.api.common.typeutils.base.StringSerializer;
import dev.eddy.api.common.typeutils.base.VoidSerializer;
import java.io.ObjectStreamException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;

/** Type information for Java's basic types: boxed primitives, String, Void, BigInteger/BigDecimal, Instant. */
public final class BasicTypeInfo<T> extends AtomicTypeInfoBase<T> {
    private static final long serialVersionUID = 1L;

    public static final BasicTypeInfo<String> STRING_TYPE_INFO = new BasicTypeInfo<>(String.class, StringSerializer.INSTANCE);
    public static final BasicTypeInfo<Boolean> BOOLEAN_TYPE_INFO = new BasicTypeInfo<>(Boolean.class, BooleanSerializer.INSTANCE);
    public static final BasicTypeInfo<Byte> BYTE_TYPE_INFO = new BasicTypeInfo<>(Byte.class, ByteSerializer.INSTANCE);
    public static final BasicTypeInfo<Short> SHORT_TYPE_INFO = new BasicTypeInfo<>(Short.class, ShortSerializer.INSTANCE);
    public static final BasicTypeInfo<Integer> INT_TYPE_INFO = new BasicTypeInfo<>(Integer.class, IntSerializer.INSTANCE);
    public static final BasicTypeInfo<Long> LONG_TYPE_INFO = new BasicTypeInfo<>(Long.class, LongSerializer.INSTANCE);
    public static final BasicTypeInfo<Float> FLOAT_TYPE_INFO = new BasicTypeInfo<>(Float.class, FloatSerializer.INSTANCE);
    public static final BasicTypeInfo<Double> DOUBLE_TYPE_INFO = new BasicTypeInfo<>(Double.class, DoubleSerializer.INSTANCE);
    public static final BasicTypeInfo<Character> CHAR_TYPE_INFO = new BasicTypeInfo<>(Character.class, CharSerializer.INSTANCE);
    public static final BasicTypeInfo<Void> VOID_TYPE_INFO = new BasicTypeInfo<>(Void.class, VoidSerializer.INSTANCE);
    public static final BasicTypeInfo<BigInteger> BIG_INT_TYPE_INFO = new BasicTypeInfo<>(BigInteger.class, BigIntSerializer.INSTANCE);
    public static final BasicTypeInfo<BigDecimal> BIG_DEC_TYPE_INFO = new BasicTypeInfo<>(BigDecimal.class, BigDecSerializer.INSTANCE);
    public static final BasicTypeInfo<Instant> INSTANT_TYPE_INFO = new BasicTypeInfo<>(Instant.class, InstantSerializer.INSTANCE);

    private static final Map<Class<?>, BasicTypeInfo<?>> BY_CLASS = Map.ofEntries(
            Map.entry(String.class, STRING_TYPE_INFO),
            Map.entry(Boolean.class, BOOLEAN_TYPE_INFO), Map.entry(boolean.class, BOOLEAN_TYPE_INFO),
            Map.entry(Byte.class, BYTE_TYPE_INFO), Map.entry(byte.class, BYTE_TYPE_INFO),
            Map.entry(Short.class, SHORT_TYPE_INFO), Map.entry(short.class, SHORT_TYPE_INFO),
            Map.entry(Integer.class, INT_TYPE_INFO), Map.entry(int.class, INT_TYPE_INFO),
            Map.entry(Long.class, LONG_TYPE_INFO), Map.entry(long.class, LONG_TYPE_INFO),
            Map.entry(Float.class, FLOAT_TYPE_INFO), Map.entry(float.class, FLOAT_TYPE_INFO),
            Map.entry(Double.class, DOUBLE_TYPE_INFO), Map.entry(double.class, DOUBLE_TYPE_INFO),
            Map.entry(Character.class, CHAR_TYPE_INFO), Map.entry(char.class, CHAR_TYPE_INFO),
            Map.entry(Void.class, VOID_TYPE_INFO), Map.entry(void.class, VOID_TYPE_INFO),
            Map.entry(BigInteger.class, BIG_INT_TYPE_INFO),
            Map.entry(BigDecimal.class, BIG_DEC_TYPE_INFO),
            Map.entry(Instant.class, INSTANT_TYPE_INFO));

    private BasicTypeInfo(Class<T> typeClass, TypeSerializer<T> serializer) {
        super(typeClass, serializer);
    }

    /** The basic type info for a class (primitive classes map to their boxed info), or null. */
    @SuppressWarnings("unchecked")
    public static <X> BasicTypeInfo<X> getInfoFor(Class<X> type) {
        if (type == null) {
            throw new NullPointerException("type");
        }
        return (BasicTypeInfo<X>) BY_CLASS.get(type);
    }

    @Override
    public boolean isBasicType() {
        return true;
    }

    @Override
    public String toString() {
        return getTypeClass().getSimpleName();
    }

    private Object readResolve() throws ObjectStreamException {
        BasicTypeInfo<?> canonical = BY_CLASS.get(getTypeClass());
        return canonical != null ? canonical : this;
    }
}
