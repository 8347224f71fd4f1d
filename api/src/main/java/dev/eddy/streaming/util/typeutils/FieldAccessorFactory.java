package dev.eddy.streaming.util.typeutils;

import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.BasicArrayTypeInfo;
import dev.eddy.api.common.typeinfo.PrimitiveArrayTypeInfo;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeutils.CompositeType;
import dev.eddy.api.java.typeutils.PojoTypeInfo;
import dev.eddy.api.java.typeutils.TupleTypeInfo;

/**
 * Creates {@link FieldAccessor}s for aggregations such as {@code sum(1)} or {@code max("temp")}.
 * Called on the client thread while the job is built; accessors are serializable and used on the
 * task thread.
 */
public final class FieldAccessorFactory {
    private FieldAccessorFactory() {}

    /**
     * By position: tuple field {@code pos}, array element {@code pos}, or 0 for an atomic type.
     *
     * @throws InvalidTypesException if the position is out of range or the type has no positions (POJOs)
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T, F> FieldAccessor<T, F> getAccessor(TypeInformation<T> typeInfo, int pos, SerializerConfig config) {
        if (typeInfo instanceof TupleTypeInfo) {
            TupleTypeInfo<?> tuple = (TupleTypeInfo<?>) typeInfo;
            if (pos < 0 || pos >= tuple.getArity()) {
                throw new InvalidTypesException("Cannot reference field " + pos + " of " + tuple.shortName() + ": it has "
                        + tuple.getArity() + " fields");
            }
            return new FieldAccessors.TupleField(pos, tuple.getTypeAt(pos));
        }
        if (typeInfo instanceof PrimitiveArrayTypeInfo || typeInfo instanceof BasicArrayTypeInfo) {
            if (pos < 0) {
                throw new InvalidTypesException("Cannot reference element " + pos + " of " + typeInfo + ": positions start at 0");
            }
            TypeInformation<?> component = typeInfo instanceof PrimitiveArrayTypeInfo
                    ? ((PrimitiveArrayTypeInfo<?>) typeInfo).getComponentType()
                    : ((BasicArrayTypeInfo<?, ?>) typeInfo).getComponentInfo();
            return new FieldAccessors.ArrayElement(pos, component);
        }
        if (typeInfo instanceof CompositeType) {
            throw new InvalidTypesException("Cannot reference field " + pos + " of " + typeInfo + " by position: positions are supported"
                    + " on tuples, arrays and atomic types. Reference POJO and record fields by name, e.g. sum(\""
                    + ((CompositeType<?>) typeInfo).getFieldNames()[0] + "\").");
        }
        if (pos != 0) {
            throw new InvalidTypesException("Cannot reference field " + pos + " of " + typeInfo + ": it is an atomic type, whose only"
                    + " position is 0 (the value itself)");
        }
        return (FieldAccessor<T, F>) new FieldAccessors.Simple<>(typeInfo);
    }

    /**
     * By field expression: {@code "f0"} (or {@code "0"}) on tuples, a POJO/record field name, a
     * nested path {@code "a.b"}, or {@code "*"} / {@code "_"} for the whole value of an atomic type.
     *
     * @throws InvalidTypesException if the expression does not name a field of the type
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T, F> FieldAccessor<T, F> getAccessor(TypeInformation<T> typeInfo, String field, SerializerConfig config) {
        if (field == null || field.isEmpty()) {
            throw new InvalidTypesException("Empty field expression for " + typeInfo);
        }
        String expr = field.trim();
        if (expr.equals("*") || expr.equals("_")) {
            if (typeInfo instanceof CompositeType) {
                throw new InvalidTypesException("Field expression '" + expr + "' selects the whole value, but " + typeInfo
                        + " is composite; name a field such as '" + ((CompositeType<?>) typeInfo).getFieldNames()[0] + "'");
            }
            return (FieldAccessor<T, F>) new FieldAccessors.Simple<>(typeInfo);
        }
        int dot = expr.indexOf('.');
        String head = dot < 0 ? expr : expr.substring(0, dot);
        FieldAccessor<T, Object> first = direct(typeInfo, head, expr);
        if (dot < 0) {
            return (FieldAccessor<T, F>) first;
        }
        FieldAccessor<Object, F> rest = getAccessor(first.getFieldType(), expr.substring(dot + 1), config);
        return new FieldAccessors.Nested<>(first, rest);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> FieldAccessor<T, Object> direct(TypeInformation<T> typeInfo, String name, String fullExpression) {
        if (typeInfo instanceof TupleTypeInfo) {
            TupleTypeInfo<?> tuple = (TupleTypeInfo<?>) typeInfo;
            int pos = tuple.getFieldIndex(name);
            if (pos < 0 && !name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                pos = Integer.parseInt(name);
                if (pos >= tuple.getArity()) {
                    pos = -1;
                }
            }
            if (pos < 0) {
                throw new InvalidTypesException("Cannot reference field '" + name + "' of " + tuple.shortName() + ": its fields are f0 to f"
                        + (tuple.getArity() - 1));
            }
            return new FieldAccessors.TupleField(pos, tuple.getTypeAt(pos));
        }
        if (typeInfo instanceof PojoTypeInfo) {
            PojoTypeInfo<T> pojo = (PojoTypeInfo<T>) typeInfo;
            int pos = pojo.getFieldIndex(name);
            if (pos < 0) {
                throw new InvalidTypesException("Cannot reference field '" + name + "' of " + pojo.getTypeClass().getName()
                        + ": its fields are " + String.join(", ", pojo.getFieldNames()));
            }
            TypeInformation<?> fieldType = pojo.getTypeAt(pos);
            if (pojo.isRecord()) {
                return new FieldAccessors.RecordComponentAccessor(pojo.getTypeClass(), pos, fieldType);
            }
            return new FieldAccessors.PojoFieldAccessor(pojo.getPojoFieldAt(pos).getField(), fieldType);
        }
        throw new InvalidTypesException("Cannot reference field '" + name + "' (in expression '" + fullExpression + "') of " + typeInfo
                + ": it is not a tuple, POJO or record. Use \"*\" to select the whole value of an atomic type.");
    }

}
