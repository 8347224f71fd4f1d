package dev.eddy.api.java.typeutils.runtime;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import dev.eddy.util.RestrictedObjectInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.Objects;

/**
 * Opt-in fallback serializer using Java serialization (int length, then the object stream bytes;
 * -1 = null). Slow; used only when {@code pipeline.generic-types.java-serialization} is true.
 * Classes are resolved with the thread's context class loader first (the job's user class loader
 * on a TaskManager), then the type's own loader; reading goes through {@link RestrictedObjectInput}
 * (the job's classes and JDK value types only, graph bounded by the record's bytes), because the
 * bytes come from another process.
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

    /** The deepest object nesting a record may have. */
    static final int MAX_DEPTH = 100;

    private T fromBytes(byte[] data) throws IOException {
        try {
            // these bytes come off the data port: only the job's classes and JDK value types, bounded by the bytes
            return RestrictedObjectInput.read(data, "a record of type " + typeClass.getName(), typeClass, MAX_DEPTH,
                    Thread.currentThread().getContextClassLoader(), typeClass.getClassLoader());
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
}
