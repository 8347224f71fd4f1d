package dev.eddy.streaming.api.functions.aggregation;

import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.util.typeutils.FieldAccessor;

/**
 * min/max/minBy/maxBy on one comparable field, with Flink's semantics. min/max: the result is a
 * copy of the key's first record with only the aggregated field updated to the extreme value.
 * minBy/maxBy: the result is the whole record holding the extreme value; on ties the earlier
 * record wins when {@code first} is true, else the later one.
 */
public class ComparableAggregator<T> extends AggregationFunction<T> {
    private static final long serialVersionUID = 1L;
    private final FieldAccessor<T, Object> fieldAccessor;
    private final TypeSerializer<T> serializer;
    private final AggregationType type;
    private final boolean first;

    @SuppressWarnings("unchecked")
    public ComparableAggregator(FieldAccessor<T, ?> fieldAccessor, TypeSerializer<T> serializer,
            AggregationType type, boolean first) {
        if (type == AggregationType.SUM) {
            throw new IllegalArgumentException("Use SumAggregator for sums");
        }
        Class<?> fieldClass = fieldAccessor.getFieldType().getTypeClass();
        if (!Comparable.class.isAssignableFrom(fieldClass) && !fieldClass.isPrimitive()) {
            throw new InvalidTypesException("Cannot compute " + type.name().toLowerCase() + " of a field of type "
                    + fieldClass.getName() + ": the field type must implement Comparable");
        }
        this.fieldAccessor = (FieldAccessor<T, Object>) fieldAccessor;
        this.serializer = serializer;
        this.type = type;
        this.first = first;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T reduce(T value1, T value2) {
        Object f1 = fieldAccessor.get(value1);
        Object f2 = fieldAccessor.get(value2);
        int cmp = ((Comparable<Object>) f1).compareTo(f2);
        boolean wantMin = type == AggregationType.MIN || type == AggregationType.MINBY;
        // > 0: value2 is more extreme; 0: tie; < 0: value1 is more extreme
        int value2Better = wantMin ? cmp : -cmp;
        if (type == AggregationType.MINBY || type == AggregationType.MAXBY) {
            if (value2Better == 0) {
                return first ? value1 : value2;
            }
            return value2Better > 0 ? value2 : value1;
        }
        Object extreme = value2Better > 0 ? f2 : f1;
        return fieldAccessor.set(serializer.copy(value1), extreme);
    }
}
