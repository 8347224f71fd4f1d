package dev.eddy.api.java.typeutils.runtime;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.java.tuple.Tuple;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Objects;

/**
 * Serializer for {@link Tuple}s: the fields in order, without null flags. Like Flink, tuple fields
 * must not be null; a null field fails with a NullPointerException naming it.
 */
public final class TupleSerializer<T extends Tuple> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> tupleClass;
    private final TypeSerializer<Object>[] fieldSerializers;
    private final int arity;
    private transient Constructor<T> subclassConstructor;

    public TupleSerializer(Class<T> tupleClass, TypeSerializer<Object>[] fieldSerializers) {
        this.tupleClass = Objects.requireNonNull(tupleClass, "tupleClass");
        this.fieldSerializers = fieldSerializers.clone();
        this.arity = fieldSerializers.length;
        init();
    }

    private void init() {
        if (tupleClass != Tuple.getTupleClass(arity)) {
            try {
                subclassConstructor = tupleClass.getDeclaredConstructor();
                subclassConstructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("Tuple subclass " + tupleClass.getName() + " needs a no-argument constructor", e);
            }
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        init();
    }

    public int getArity() {
        return arity;
    }

    public TypeSerializer<Object> getFieldSerializer(int pos) {
        return fieldSerializers[pos];
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        TypeSerializer<Object>[] dups = FieldIo.duplicateAll(fieldSerializers);
        return dups == null ? this : new TupleSerializer<>(tupleClass, dups);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T createInstance() {
        if (subclassConstructor == null) {
            return (T) Tuple.newInstance(arity);
        }
        try {
            return subclassConstructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate tuple subclass " + tupleClass.getName() + ": " + e, e);
        }
    }

    @Override
    public T copy(T from) {
        if (from == null) {
            return null;
        }
        T to = createInstance();
        for (int i = 0; i < arity; i++) {
            Object v = from.getField(i);
            to.setField(v == null ? null : fieldSerializers[i].copy(v), i);
        }
        return to;
    }

    @Override
    public int getLength() {
        int total = 0;
        for (TypeSerializer<Object> s : fieldSerializers) {
            int len = s.getLength();
            if (len < 0) {
                return -1;
            }
            total += len;
        }
        return total;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        if (record == null) {
            throw new NullPointerException("Cannot serialize a null " + tupleClass.getSimpleName()
                    + ": tuples themselves and their fields must be non-null");
        }
        for (int i = 0; i < arity; i++) {
            Object v = record.getField(i);
            if (v == null) {
                throw new NullPointerException("Field f" + i + " of " + tupleClass.getSimpleName() + " " + record
                        + " is null; tuple fields must be non-null. Use a POJO or record for nullable fields.");
            }
            fieldSerializers[i].serialize(v, target);
        }
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        T result = createInstance();
        for (int i = 0; i < arity; i++) {
            result.setField(fieldSerializers[i].deserialize(source), i);
        }
        return result;
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof TupleSerializer)) {
            return false;
        }
        TupleSerializer<?> other = (TupleSerializer<?>) obj;
        return tupleClass == other.tupleClass && Arrays.equals(fieldSerializers, other.fieldSerializers);
    }

    @Override
    public int hashCode() {
        return 31 * tupleClass.getName().hashCode() + Arrays.hashCode(fieldSerializers);
    }

    @Override
    public String toString() {
        return "TupleSerializer<" + tupleClass.getSimpleName() + Arrays.toString(fieldSerializers) + ">";
    }
}
