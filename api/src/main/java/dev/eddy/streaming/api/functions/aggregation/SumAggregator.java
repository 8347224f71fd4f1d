package dev.eddy.streaming.api.functions.aggregation;

import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.util.typeutils.FieldAccessor;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Sums one numeric field: the result is a copy of the accumulated record whose field holds the
 * sum; all other fields keep the values of the key's first record.
 */
public class SumAggregator<T> extends AggregationFunction<T> {
    private static final long serialVersionUID = 1L;
    private final FieldAccessor<T, Object> fieldAccessor;
    private final TypeSerializer<T> serializer;
    private final Adder adder;

    @SuppressWarnings("unchecked")
    public SumAggregator(FieldAccessor<T, ?> fieldAccessor, TypeSerializer<T> serializer) {
        this.fieldAccessor = (FieldAccessor<T, Object>) fieldAccessor;
        this.serializer = serializer;
        this.adder = adderFor(fieldAccessor.getFieldType().getTypeClass());
    }

    @Override
    public T reduce(T value1, T value2) {
        Object sum = adder.add(fieldAccessor.get(value1), fieldAccessor.get(value2));
        return fieldAccessor.set(serializer.copy(value1), sum);
    }

    /** Adds two boxed numbers of one type. */
    interface Adder extends java.io.Serializable {
        Object add(Object a, Object b);
    }

    static Adder adderFor(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return (a, b) -> (Integer) a + (Integer) b;
        } else if (type == Long.class || type == long.class) {
            return (a, b) -> (Long) a + (Long) b;
        } else if (type == Double.class || type == double.class) {
            return (a, b) -> (Double) a + (Double) b;
        } else if (type == Float.class || type == float.class) {
            return (a, b) -> (Float) a + (Float) b;
        } else if (type == Short.class || type == short.class) {
            return (a, b) -> (short) ((Short) a + (Short) b);
        } else if (type == Byte.class || type == byte.class) {
            return (a, b) -> (byte) ((Byte) a + (Byte) b);
        } else if (type == BigInteger.class) {
            return (a, b) -> ((BigInteger) a).add((BigInteger) b);
        } else if (type == BigDecimal.class) {
            return (a, b) -> ((BigDecimal) a).add((BigDecimal) b);
        }
        throw new InvalidTypesException("Cannot sum a field of type " + type.getName()
                + ": sum supports Integer, Long, Double, Float, Short, Byte, BigInteger and BigDecimal fields");
    }
}
