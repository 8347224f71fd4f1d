package dev.eddy.streaming.util;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/** Test-only type information: any Serializable class, serialized with Java serialization. */
public final class TestTypes {
    public static final TypeInformation<Integer> INT = of(Integer.class);
    public static final TypeInformation<Long> LONG = of(Long.class);
    public static final TypeInformation<String> STRING = of(String.class);

    private TestTypes() {}

    public static <T> TypeInformation<T> of(Class<T> type) {
        return new JavaTypeInfo<>(type, true);
    }

    /** A type that is not usable as a key. */
    public static <T> TypeInformation<T> nonKey(Class<T> type) {
        return new JavaTypeInfo<>(type, false);
    }

    /** Deep copy through Java serialization. */
    @SuppressWarnings("unchecked")
    public static <T> T javaCopy(T value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class JavaTypeInfo<T> extends TypeInformation<T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> type;
        private final boolean key;

        JavaTypeInfo(Class<T> type, boolean key) {
            this.type = type;
            this.key = key;
        }

        @Override
        public boolean isBasicType() {
            return false;
        }

        @Override
        public boolean isTupleType() {
            return false;
        }

        @Override
        public int getArity() {
            return 1;
        }

        @Override
        public int getTotalFields() {
            return 1;
        }

        @Override
        public Class<T> getTypeClass() {
            return type;
        }

        @Override
        public boolean isKeyType() {
            return key;
        }

        @Override
        public TypeSerializer<T> createSerializer(SerializerConfig config) {
            return new JavaSerializer<>();
        }

        @Override
        public String toString() {
            return "Test<" + type.getSimpleName() + ">";
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof JavaTypeInfo && ((JavaTypeInfo<?>) obj).type == type && ((JavaTypeInfo<?>) obj).key == key;
        }

        @Override
        public int hashCode() {
            return type.hashCode();
        }
    }

    /** Length-prefixed Java serialization. */
    public static final class JavaSerializer<T> extends TypeSerializer<T> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<T> duplicate() {
            return this;
        }

        @Override
        public T createInstance() {
            return null;
        }

        @Override
        public T copy(T from) {
            return javaCopy(from);
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(T record, DataOutputView target) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject((Serializable) record);
            }
            target.writeInt(bytes.size());
            target.write(bytes.toByteArray());
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(DataInputView source) throws IOException {
            byte[] bytes = new byte[source.readInt()];
            source.readFully(bytes);
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
                return (T) in.readObject();
            } catch (ClassNotFoundException e) {
                throw new IOException(e);
            }
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof JavaSerializer;
        }

        @Override
        public int hashCode() {
            return 17;
        }
    }
}
