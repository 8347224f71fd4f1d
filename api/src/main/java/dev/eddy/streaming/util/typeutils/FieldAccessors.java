package dev.eddy.streaming.util.typeutils;

import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.java.tuple.Tuple;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/** The {@link FieldAccessor} implementations created by {@link FieldAccessorFactory}. */
final class FieldAccessors {
    private FieldAccessors() {}

    /** The whole value of an atomic type ({@code "*"} or position 0). */
    static final class Simple<T> extends FieldAccessor<T, T> {
        private static final long serialVersionUID = 1L;
        private final TypeInformation<T> type;

        Simple(TypeInformation<T> type) {
            this.type = type;
        }

        @Override
        public TypeInformation<T> getFieldType() {
            return type;
        }

        @Override
        public T get(T record) {
            return record;
        }

        @Override
        public T set(T record, T fieldValue) {
            return fieldValue;
        }
    }

    /** Field {@code fN} of a tuple; set updates the tuple in place. */
    static final class TupleField<T extends Tuple, F> extends FieldAccessor<T, F> {
        private static final long serialVersionUID = 1L;
        private final int pos;
        private final TypeInformation<F> type;

        TupleField(int pos, TypeInformation<F> type) {
            this.pos = pos;
            this.type = type;
        }

        @Override
        public TypeInformation<F> getFieldType() {
            return type;
        }

        @Override
        public F get(T record) {
            return record.getField(pos);
        }

        @Override
        public T set(T record, F fieldValue) {
            record.setField(fieldValue, pos);
            return record;
        }
    }

    /** One element of an array (primitive or object); set updates the array in place. */
    static final class ArrayElement<T, F> extends FieldAccessor<T, F> {
        private static final long serialVersionUID = 1L;
        private final int pos;
        private final TypeInformation<F> type;

        ArrayElement(int pos, TypeInformation<F> type) {
            this.pos = pos;
            this.type = type;
        }

        @Override
        public TypeInformation<F> getFieldType() {
            return type;
        }

        @Override
        @SuppressWarnings("unchecked")
        public F get(T record) {
            return (F) Array.get(record, pos);
        }

        @Override
        public T set(T record, F fieldValue) {
            Array.set(record, pos, fieldValue);
            return record;
        }
    }

    /** A POJO field, read and written through a cached accessible {@link Field}; set updates in place. */
    static final class PojoFieldAccessor<T, F> extends FieldAccessor<T, F> {
        private static final long serialVersionUID = 1L;
        private final Class<?> declaringClass;
        private final String name;
        private final TypeInformation<F> type;
        private transient Field field;

        PojoFieldAccessor(Field field, TypeInformation<F> type) {
            this.declaringClass = field.getDeclaringClass();
            this.name = field.getName();
            this.type = type;
            init();
        }

        private void init() {
            try {
                field = declaringClass.getDeclaredField(name);
                field.setAccessible(true);
            } catch (NoSuchFieldException | RuntimeException e) {
                throw new IllegalStateException("Cannot access field '" + name + "' of " + declaringClass.getName() + ": " + e, e);
            }
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            try {
                init();
            } catch (IllegalStateException e) {
                throw new InvalidObjectException(e.getMessage());
            }
        }

        @Override
        public TypeInformation<F> getFieldType() {
            return type;
        }

        @Override
        @SuppressWarnings("unchecked")
        public F get(T record) {
            try {
                return (F) field.get(record);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read field '" + name + "' of " + declaringClass.getName(), e);
            }
        }

        @Override
        public T set(T record, F fieldValue) {
            try {
                field.set(record, fieldValue);
                return record;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot write field '" + name + "' of " + declaringClass.getName(), e);
            }
        }
    }

    /** A record component; set creates a new record through the canonical constructor. */
    static final class RecordComponentAccessor<T, F> extends FieldAccessor<T, F> {
        private static final long serialVersionUID = 1L;
        private final Class<T> recordClass;
        private final int index;
        private final TypeInformation<F> type;
        private transient Field[] fields;
        private transient Constructor<T> constructor;

        RecordComponentAccessor(Class<T> recordClass, int index, TypeInformation<F> type) {
            this.recordClass = recordClass;
            this.index = index;
            this.type = type;
            init();
        }

        private void init() {
            try {
                RecordComponent[] components = recordClass.getRecordComponents();
                Class<?>[] types = new Class<?>[components.length];
                fields = new Field[components.length];
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    fields[i] = recordClass.getDeclaredField(components[i].getName());
                    fields[i].setAccessible(true);
                }
                constructor = recordClass.getDeclaredConstructor(types);
                constructor.setAccessible(true);
            } catch (NoSuchFieldException | NoSuchMethodException | RuntimeException e) {
                throw new IllegalStateException("Cannot access the components of record " + recordClass.getName() + ": " + e, e);
            }
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            try {
                init();
            } catch (IllegalStateException e) {
                throw new InvalidObjectException(e.getMessage());
            }
        }

        @Override
        public TypeInformation<F> getFieldType() {
            return type;
        }

        @Override
        @SuppressWarnings("unchecked")
        public F get(T record) {
            try {
                return (F) fields[index].get(record);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read component " + index + " of " + recordClass.getName(), e);
            }
        }

        @Override
        public T set(T record, F fieldValue) {
            Object[] args = new Object[fields.length];
            try {
                for (int i = 0; i < fields.length; i++) {
                    args[i] = i == index ? fieldValue : fields[i].get(record);
                }
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("The canonical constructor of " + recordClass.getName() + " rejected the new value "
                        + fieldValue + ": " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new IllegalStateException("Cannot create a new " + recordClass.getName() + " with the updated field: " + e, e);
            }
        }
    }

    /** {@code outer.inner}: reads through both; set rebuilds the outer value with the updated inner one. */
    static final class Nested<T, M, F> extends FieldAccessor<T, F> {
        private static final long serialVersionUID = 1L;
        private final FieldAccessor<T, M> outer;
        private final FieldAccessor<M, F> inner;

        Nested(FieldAccessor<T, M> outer, FieldAccessor<M, F> inner) {
            this.outer = outer;
            this.inner = inner;
        }

        @Override
        public TypeInformation<F> getFieldType() {
            return inner.getFieldType();
        }

        @Override
        public F get(T record) {
            M middle = outer.get(record);
            if (middle == null) {
                throw new NullPointerException("Cannot read a nested field: the enclosing field is null in " + record);
            }
            return inner.get(middle);
        }

        @Override
        public T set(T record, F fieldValue) {
            M middle = outer.get(record);
            if (middle == null) {
                throw new NullPointerException("Cannot set a nested field: the enclosing field is null in " + record);
            }
            return outer.set(record, inner.set(middle, fieldValue));
        }
    }
}
