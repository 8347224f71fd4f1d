package dev.eddy.api.common.typeutils;

import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.typeinfo.TypeInformation;

/**
 * Type information of a type made of named fields (Tuples, POJOs, records). Field names are
 * {@code f0..fN} for tuples and the Java field/component names otherwise.
 */
public abstract class CompositeType<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    /** Field names, in field index order. */
    public abstract String[] getFieldNames();

    /** Index of a direct field by name, or -1. */
    public abstract int getFieldIndex(String fieldName);

    /** Type of the direct field at {@code pos}. */
    public abstract <X> TypeInformation<X> getTypeAt(int pos);

    /** Type of a field by expression: a direct field name or a nested path {@code "a.b"}. */
    @SuppressWarnings("unchecked")
    public <X> TypeInformation<X> getTypeAt(String fieldExpression) {
        int dot = fieldExpression.indexOf('.');
        String head = dot < 0 ? fieldExpression : fieldExpression.substring(0, dot);
        int index = getFieldIndex(head);
        if (index < 0) {
            throw new InvalidTypesException("Field '" + head + "' does not exist in " + this
                    + "; its fields are " + String.join(", ", getFieldNames()));
        }
        TypeInformation<?> fieldType = getTypeAt(index);
        if (dot < 0) {
            return (TypeInformation<X>) fieldType;
        }
        if (!(fieldType instanceof CompositeType)) {
            throw new InvalidTypesException("Cannot select '" + fieldExpression.substring(dot + 1) + "' inside field '" + head
                    + "' of " + this + ": the field has the non-composite type " + fieldType);
        }
        return ((CompositeType<?>) fieldType).getTypeAt(fieldExpression.substring(dot + 1));
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public int getArity() {
        return getFieldNames().length;
    }

    @Override
    public int getTotalFields() {
        int total = 0;
        for (int i = 0; i < getArity(); i++) {
            total += getTypeAt(i).getTotalFields();
        }
        return Math.max(total, 1);
    }
}
