package dev.eddy.api.java.typeutils;

import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeutils.CompositeType;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.java.tuple.Tuple;
import dev.eddy.api.java.typeutils.runtime.TupleSerializer;
import java.util.Arrays;
import java.util.Objects;

/** Type information for {@link Tuple} subclasses: one type per field {@code f0..fN}. */
public final class TupleTypeInfo<T extends Tuple> extends CompositeType<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> tupleClass;
    private final TypeInformation<?>[] types;
    private final String[] fieldNames;

    @SuppressWarnings("unchecked")
    public TupleTypeInfo(TypeInformation<?>... types) {
        this((Class<T>) Tuple.getTupleClass(types.length), types);
    }

    public TupleTypeInfo(Class<T> tupleClass, TypeInformation<?>... types) {
        this.tupleClass = Objects.requireNonNull(tupleClass, "tupleClass");
        this.types = types.clone();
        if (types.length > Tuple.MAX_ARITY) {
            throw new InvalidTypesException("Tuples have at most " + Tuple.MAX_ARITY + " fields, got " + types.length);
        }
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                throw new InvalidTypesException("Type of tuple field f" + i + " is null");
            }
        }
        this.fieldNames = new String[types.length];
        for (int i = 0; i < types.length; i++) {
            fieldNames[i] = "f" + i;
        }
    }

    /** Tuple type info with basic types for the given classes, e.g. {@code getBasicTupleTypeInfo(String.class, Integer.class)}. */
    public static <X extends Tuple> TupleTypeInfo<X> getBasicTupleTypeInfo(Class<?>... basicTypes) {
        TypeInformation<?>[] infos = new TypeInformation<?>[basicTypes.length];
        for (int i = 0; i < basicTypes.length; i++) {
            infos[i] = dev.eddy.api.common.typeinfo.BasicTypeInfo.getInfoFor(basicTypes[i]);
            if (infos[i] == null) {
                throw new InvalidTypesException(basicTypes[i].getName() + " is not a basic type");
            }
        }
        return new TupleTypeInfo<>(infos);
    }

    @Override
    public boolean isTupleType() {
        return true;
    }

    @Override
    public int getArity() {
        return types.length;
    }

    @Override
    public Class<T> getTypeClass() {
        return tupleClass;
    }

    @Override
    public boolean isKeyType() {
        for (TypeInformation<?> t : types) {
            if (!t.isKeyType()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String[] getFieldNames() {
        return fieldNames.clone();
    }

    @Override
    public int getFieldIndex(String fieldName) {
        if (fieldName == null || fieldName.length() < 2 || fieldName.charAt(0) != 'f') {
            return -1;
        }
        try {
            int index = Integer.parseInt(fieldName.substring(1));
            return index >= 0 && index < types.length && fieldName.equals("f" + index) ? index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> TypeInformation<X> getTypeAt(int pos) {
        if (pos < 0 || pos >= types.length) {
            throw new InvalidTypesException("Cannot reference field " + pos + " of " + shortName() + ": it has " + types.length + " fields");
        }
        return (TypeInformation<X>) types[pos];
    }

    /** {@code Tuple2<String, Integer>} (without the "Java " prefix of {@link #toString()}). */
    public String shortName() {
        StringBuilder sb = new StringBuilder(tupleClass.getSimpleName());
        if (types.length > 0) {
            sb.append('<');
            for (int i = 0; i < types.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(types[i]);
            }
            sb.append('>');
        }
        return sb.toString();
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        TypeSerializer<Object>[] serializers = new TypeSerializer[types.length];
        for (int i = 0; i < types.length; i++) {
            serializers[i] = (TypeSerializer<Object>) types[i].createSerializer(config);
        }
        return new TupleSerializer<>(tupleClass, serializers);
    }

    @Override
    public String toString() {
        return "Java " + shortName();
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof TupleTypeInfo)) {
            return false;
        }
        TupleTypeInfo<?> other = (TupleTypeInfo<?>) obj;
        return tupleClass == other.tupleClass && Arrays.equals(types, other.types);
    }

    @Override
    public int hashCode() {
        return 31 * tupleClass.getName().hashCode() + Arrays.hashCode(types);
    }
}
