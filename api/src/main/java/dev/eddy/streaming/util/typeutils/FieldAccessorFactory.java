package dev.eddy.streaming.util.typeutils;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.TypeInformation;

/** Creates {@link FieldAccessor}s. STUB: the types package implements. */
public final class FieldAccessorFactory {
    private FieldAccessorFactory() {}

    /** By position: tuple field, or 0 for an atomic type. @throws dev.eddy.api.common.functions.InvalidTypesException if out of range */
    public static <T, F> FieldAccessor<T, F> getAccessor(TypeInformation<T> typeInfo, int pos, SerializerConfig config) {
        throw new UnsupportedOperationException("stub");
    }

    /** By field expression: POJO/record field name ("a" or nested "a.b"), "f0" on tuples, "*" for atomic types. */
    public static <T, F> FieldAccessor<T, F> getAccessor(TypeInformation<T> typeInfo, String field, SerializerConfig config) {
        throw new UnsupportedOperationException("stub");
    }
}
