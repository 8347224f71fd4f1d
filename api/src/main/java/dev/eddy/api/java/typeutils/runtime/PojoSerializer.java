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
import java.util.Arrays;
import java.util.Objects;

/**
 * Serializer for POJOs: a null-marker byte, then each field in a fixed order (primitive fields
 * raw, other fields with a null flag). Fields and the no-arg constructor are resolved once and
 * cached; no per-record reflection lookups. Values must be exactly the POJO class (subclasses would
 * lose their extra fields, so they are rejected).
 */
public final class PojoSerializer<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> clazz;
    private final Class<?>[] declaringClasses;
    private final String[] fieldNames;
    private final TypeSerializer<Object>[] fieldSerializers;
    private transient Field[] fields;
    private transient int[] kinds;
    private transient Constructor<T> constructor;
    /** Fast path, or null to use {@link #fields} and {@link #constructor} by reflection. */
    private transient PojoAccess<T> access;

    public PojoSerializer(Class<T> clazz, Field[] fields, TypeSerializer<Object>[] fieldSerializers) {
        this.clazz = Objects.requireNonNull(clazz, "clazz");
        if (fields.length != fieldSerializers.length) {
            throw new IllegalArgumentException("Got " + fields.length + " fields but " + fieldSerializers.length + " serializers");
        }
        this.fieldSerializers = fieldSerializers.clone();
        this.declaringClasses = new Class<?>[fields.length];
        this.fieldNames = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            declaringClasses[i] = fields[i].getDeclaringClass();
            fieldNames[i] = fields[i].getName();
        }
        init();
    }

    private void init() {
        try {
            fields = new Field[fieldNames.length];
            kinds = new int[fieldNames.length];
            for (int i = 0; i < fieldNames.length; i++) {
                Field f = declaringClasses[i].getDeclaredField(fieldNames[i]);
                f.setAccessible(true);
                fields[i] = f;
                kinds[i] = FieldIo.kindOf(f, fieldSerializers[i]);
            }
            constructor = clazz.getDeclaredConstructor();
            constructor.setAccessible(true);
            access = PojoAccess.create(clazz, constructor, fields, kinds);
        } catch (NoSuchFieldException | NoSuchMethodException | RuntimeException e) {
            throw new IllegalStateException("Cannot set up the POJO serializer for " + clazz.getName() + ": " + e, e);
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

    /** Whether fields are accessed through {@link PojoAccess} rather than reflection (for tests). */
    boolean usesFastAccess() {
        return access != null;
    }

    public Class<T> getPojoClass() {
        return clazz;
    }

    public String[] getFieldNames() {
        return fieldNames.clone();
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        TypeSerializer<Object>[] dups = FieldIo.duplicateAll(fieldSerializers);
        return dups == null ? this : new PojoSerializer<>(clazz, fields, dups);
    }

    @Override
    public T createInstance() {
        if (access != null) {
            return access.newInstance(clazz);
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The no-argument constructor of " + clazz.getName() + " threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot instantiate " + clazz.getName() + ": " + e, e);
        }
    }

    private void checkClass(T value) {
        if (value.getClass() != clazz) {
            throw new IllegalArgumentException("Value of class " + value.getClass().getName() + " given to the POJO serializer of "
                    + clazz.getName() + "; subclasses are not supported. Declare the stream type as the subclass (returns(...)).");
        }
    }

    @Override
    public T copy(T from) {
        if (from == null) {
            return null;
        }
        checkClass(from);
        T to = createInstance();
        if (access != null) {
            access.copy(from, to, fieldSerializers);
            return to;
        }
        int i = 0;
        try {
            for (; i < fields.length; i++) {
                FieldIo.copy(kinds[i], fields[i], fieldSerializers[i], from, to);
            }
        } catch (IllegalAccessException e) {
            throw FieldIo.accessFailure(clazz, fields[i], e);
        }
        return to;
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
        checkClass(record);
        target.writeByte(1);
        if (access != null) {
            access.write(record, fieldSerializers, target);
            return;
        }
        int i = 0;
        try {
            for (; i < fields.length; i++) {
                FieldIo.write(kinds[i], fields[i], fieldSerializers[i], record, target);
            }
        } catch (IllegalAccessException e) {
            throw FieldIo.accessFailure(clazz, fields[i], e);
        }
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        if (source.readByte() == 0) {
            return null;
        }
        T result = createInstance();
        if (access != null) {
            access.readInto(result, fieldSerializers, source);
            return result;
        }
        int i = 0;
        try {
            for (; i < fields.length; i++) {
                FieldIo.readInto(kinds[i], fields[i], fieldSerializers[i], result, source);
            }
        } catch (IllegalAccessException e) {
            throw FieldIo.accessFailure(clazz, fields[i], e);
        }
        return result;
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof PojoSerializer)) {
            return false;
        }
        PojoSerializer<?> other = (PojoSerializer<?>) obj;
        return clazz == other.clazz && Arrays.equals(fieldNames, other.fieldNames)
                && Arrays.equals(fieldSerializers, other.fieldSerializers);
    }

    @Override
    public int hashCode() {
        return 31 * clazz.getName().hashCode() + Arrays.hashCode(fieldSerializers);
    }

    @Override
    public String toString() {
        return "PojoSerializer<" + clazz.getName() + ">";
    }
}
