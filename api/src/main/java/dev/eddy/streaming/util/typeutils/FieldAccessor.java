package dev.eddy.streaming.util.typeutils;

import dev.eddy.api.common.typeinfo.TypeInformation;
import java.io.Serializable;

/**
 * Reads and writes one field of a record (tuple position, POJO/record field, or the value itself
 * for atomic types). Used by keyed sum/min/max aggregations. STUB: the types package implements.
 */
public abstract class FieldAccessor<T, F> implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract TypeInformation<F> getFieldType();

    public abstract F get(T record);

    /** Sets the field; returns the updated record (a new object for immutable types such as records and boxed values). */
    public abstract T set(T record, F fieldValue);
}
