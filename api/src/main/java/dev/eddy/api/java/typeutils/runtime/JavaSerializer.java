package dev.eddy.api.java.typeutils.runtime;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.Objects;

/**
 * Opt-in fallback serializer using Java serialization (int length, then the object stream bytes;
 * -1 = null). Slow; used only when {@code pipeline.generic-types.java-serialization} is true.
 * Classes are resolved with the thread's context class loader first (the job's user class loader
 * on a TaskManager), then the type's own loader.
 */
public final class JavaSerializer<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> typeClass;

    public JavaSerializer(Class<T> typeClass) {
        this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public JavaSerializer<T> duplicate() {
        return this;
    }

    @Override
    public T createInstance() {
        return null;
    }

    @Override
    public T copy(T from) {
        if (from == null) {
            return null;
        }
        try {
            return fromBytes(toBytes(from));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot copy a " + from.getClass().getName() + " by Java serialization: " + e, e);
        }
    }

    @Override
    public int getLength() {
        return -1;
    }

    private byte[] toBytes(T value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new NotSerializableException(typeClass.getName() + " (or a class it references, " + e.getMessage()
                    + ") does not implement java.io.Serializable, so the Java serialization fallback cannot write it");
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private T fromBytes(byte[] data) throws IOException {
        try (ObjectInputStream in = new LoaderAwareObjectInputStream(new ByteArrayInputStream(data), typeClass.getClassLoader())) {
            // these bytes may come off the data port: bound the object graph by what the record's bytes can hold
            in.setObjectInputFilter(java.io.ObjectInputFilter.Config.createFilter(
                    "maxdepth=100;maxrefs=" + Math.max(16, data.length) + ";maxarray=" + data.length + ";maxbytes=" + data.length));
            return (T) in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("Cannot load class " + e.getMessage() + " while deserializing a " + typeClass.getName(), e);
        }
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(-1);
            return;
        }
        byte[] data = toBytes(record);
        target.writeInt(data.length);
        target.write(data);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        int len = source.readInt();
        if (len < 0) {
            return null;
        }
        byte[] data = new byte[len];
        source.readFully(data);
        return fromBytes(data);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof JavaSerializer && ((JavaSerializer<?>) obj).typeClass == typeClass;
    }

    @Override
    public int hashCode() {
        return typeClass.getName().hashCode();
    }

    @Override
    public String toString() {
        return "JavaSerializer<" + typeClass.getName() + ">";
    }

    private static final class LoaderAwareObjectInputStream extends ObjectInputStream {
        private final ClassLoader fallback;

        LoaderAwareObjectInputStream(InputStream in, ClassLoader fallback) throws IOException {
            super(in);
            this.fallback = fallback;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null) {
                try {
                    return Class.forName(desc.getName(), false, context);
                } catch (ClassNotFoundException ignored) {
                    // fall through to the type's own loader
                }
            }
            if (fallback != null) {
                try {
                    return Class.forName(desc.getName(), false, fallback);
                } catch (ClassNotFoundException ignored) {
                    // fall through to the default resolution
                }
            }
            return super.resolveClass(desc);
        }
    }
}
