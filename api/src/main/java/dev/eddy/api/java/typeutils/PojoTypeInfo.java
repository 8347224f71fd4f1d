package dev.eddy.api.java.typeutils;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeutils.CompositeType;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.java.typeutils.runtime.JavaRecordSerializer;
import dev.eddy.api.java.typeutils.runtime.PojoSerializer;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Type information for POJOs (Flink's rules) and Java records. POJO fields are ordered by name;
 * record fields keep component order. Field values may be null.
 */
public final class PojoTypeInfo<T> extends CompositeType<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> typeClass;
    private final PojoField[] fields;

    public PojoTypeInfo(Class<T> typeClass, List<PojoField> fields) {
        this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
        List<PojoField> ordered = new ArrayList<>(fields);
        if (!typeClass.isRecord()) {
            ordered.sort(Comparator.comparing(PojoField::getName));
        }
        this.fields = ordered.toArray(new PojoField[0]);
    }

    /** True if the type is a Java record (serialized through its canonical constructor). */
    public boolean isRecord() {
        return typeClass.isRecord();
    }

    public PojoField getPojoFieldAt(int pos) {
        return fields[pos];
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return fields.length;
    }

    @Override
    public Class<T> getTypeClass() {
        return typeClass;
    }

    /**
     * Records are keys unless a component is an array (arrays compare by identity); POJOs are keys
     * only if they override equals and hashCode (keys are hash-partitioned).
     */
    @Override
    public boolean isKeyType() {
        if (isRecord()) {
            for (PojoField f : fields) {
                if (f.getField().getType().isArray() || f.getTypeInformation().getTypeClass().isArray()) {
                    return false;
                }
            }
            return true;
        }
        return PojoAnalyzer.hasValueEquality(typeClass);
    }

    @Override
    public String[] getFieldNames() {
        String[] names = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            names[i] = fields[i].getName();
        }
        return names;
    }

    @Override
    public int getFieldIndex(String fieldName) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].getName().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> TypeInformation<X> getTypeAt(int pos) {
        if (pos < 0 || pos >= fields.length) {
            throw new dev.eddy.api.common.functions.InvalidTypesException(
                    "Cannot reference field " + pos + " of " + this + ": it has " + fields.length + " fields");
        }
        return (TypeInformation<X>) fields[pos].getTypeInformation();
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        Field[] javaFields = new Field[fields.length];
        TypeSerializer<Object>[] serializers = new TypeSerializer[fields.length];
        for (int i = 0; i < fields.length; i++) {
            javaFields[i] = fields[i].getField();
            serializers[i] = (TypeSerializer<Object>) fields[i].getTypeInformation().createSerializer(config);
        }
        if (isRecord()) {
            return new JavaRecordSerializer<>(typeClass, javaFields, serializers);
        }
        return new PojoSerializer<>(typeClass, javaFields, serializers);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PojoType<").append(typeClass.getName()).append(", fields = [");
        for (int i = 0; i < fields.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(fields[i]);
        }
        return sb.append("]>").toString();
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof PojoTypeInfo)) {
            return false;
        }
        PojoTypeInfo<?> other = (PojoTypeInfo<?>) obj;
        return typeClass == other.typeClass && java.util.Arrays.equals(fields, other.fields);
    }

    @Override
    public int hashCode() {
        return 31 * typeClass.getName().hashCode() + java.util.Arrays.hashCode(fields);
    }
}
