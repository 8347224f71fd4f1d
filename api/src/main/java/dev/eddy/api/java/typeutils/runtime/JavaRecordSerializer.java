package dev.eddy.api.java.typeutils.runtime;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Objects;

/**
 * Serializer for Java records: a null-marker byte, then each component in declaration order
 * (primitives raw, others null-flagged). Instances are created through the canonical
 * constructor, resolved once and cached.
 */
public final class JavaRecordSerializer<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> recordClass;
    private final String[] fieldNames;
    private final TypeSerializer<Object>[] fieldSerializers;
    private transient Field[] fields;
    private transient int[] kinds;
    private transient Constructor<T> constructor;
    private transient boolean immutable;

    public JavaRecordSerializer(Class<T> recordClass, Field[] fields, TypeSerializer<Object>[] fieldSerializers) {
        this.recordClass = Objects.requireNonNull(recordClass, "recordClass");
        if (!recordClass.isRecord()) {
            throw new IllegalArgumentException(recordClass.getName() + " is not a record");
        }
        this.fieldSerializers = fieldSerializers.clone();
        this.fieldNames = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            fieldNames[i] = fields[i].getName();
        }
        init();
    }

    private void init() {
        RecordComponent[] components = recordClass.getRecordComponents();
        if (components.length != fieldNames.length) {
            throw new IllegalStateException("Record " + recordClass.getName() + " has " + components.length
                    + " components but the serializer was built for " + fieldNames.length);
        }
        try {
            Class<?>[] types = new Class<?>[components.length];
            fields = new Field[components.length];
            kinds = new int[components.length];
            boolean allImmutable = true;
            for (int i = 0; i < components.length; i++) {
                if (!components[i].getName().equals(fieldNames[i])) {
                    throw new IllegalStateException("Record component " + i + " of " + recordClass.getName() + " is '"
                            + components[i].getName() + "', expected '" + fieldNames[i] + "'");
                }
                types[i] = components[i].getType();
                Field f = recordClass.getDeclaredField(fieldNames[i]);
                f.setAccessible(true);
                fields[i] = f;
                kinds[i] = FieldIo.kindOf(f, fieldSerializers[i]);
                allImmutable &= fieldSerializers[i].isImmutableType();
            }
            immutable = allImmutable;
            constructor = recordClass.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchFieldException | NoSuchMethodException | RuntimeException e) {
            throw new IllegalStateException("Cannot set up the record serializer for " + recordClass.getName() + ": " + e, e);
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        try {
            init();
        } catch (IllegalStateException e) {
            throw (InvalidObjectException) new InvalidObjectException(e.getMessage()).initCause(e);
        }
    }

    @Override
    public boolean isImmutableType() {
        return immutable;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        TypeSerializer<Object>[] dups = FieldIo.duplicateAll(fieldSerializers);
        return dups == null ? this : new JavaRecordSerializer<>(recordClass, fields, dups);
    }

    @Override
    public T createInstance() {
        return null;
    }

    private T construct(Object[] args) {
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The canonical constructor of record " + recordClass.getName() + " threw " + e.getCause()
                    + " while restoring a value; make the constructor accept every value it can produce", e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot instantiate record " + recordClass.getName() + ": " + e, e);
        }
    }

    @Override
    public T copy(T from) {
        if (from == null || immutable) {
            return from;
        }
        Object[] args = new Object[fields.length];
        int i = 0;
        try {
            for (; i < fields.length; i++) {
                Object v = fields[i].get(from);
                args[i] = v == null || kinds[i] != FieldIo.OBJECT ? v : fieldSerializers[i].copy(v);
            }
        } catch (IllegalAccessException e) {
            throw FieldIo.accessFailure(recordClass, fields[i], e);
        }
        return construct(args);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeByte(0);
            return;
        }
        target.writeByte(1);
        int i = 0;
        try {
            for (; i < fields.length; i++) {
                FieldIo.write(kinds[i], fields[i], fieldSerializers[i], record, target);
            }
        } catch (IllegalAccessException e) {
            throw FieldIo.accessFailure(recordClass, fields[i], e);
        }
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        if (source.readByte() == 0) {
            return null;
        }
        Object[] args = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            args[i] = FieldIo.read(kinds[i], fieldSerializers[i], source);
        }
        return construct(args);
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof JavaRecordSerializer)) {
            return false;
        }
        JavaRecordSerializer<?> other = (JavaRecordSerializer<?>) obj;
        return recordClass == other.recordClass && Arrays.equals(fieldSerializers, other.fieldSerializers);
    }

    @Override
    public int hashCode() {
        return 31 * recordClass.getName().hashCode() + Arrays.hashCode(fieldSerializers);
    }

    @Override
    public String toString() {
        return "JavaRecordSerializer<" + recordClass.getName() + ">";
    }
}
