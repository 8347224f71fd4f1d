package dev.eddy.api.common.typeutils.base;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.util.Objects;

/** Null-safe enum serializer writing the constant's ordinal as an int (-1 = null); 4 bytes. */
public final class EnumSerializer<T extends Enum<T>> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> enumClass;
    private transient T[] values;

    public EnumSerializer(Class<T> enumClass) {
        this.enumClass = Objects.requireNonNull(enumClass, "enumClass");
        if (!enumClass.isEnum()) {
            throw new IllegalArgumentException(enumClass.getName() + " is not an enum");
        }
        this.values = enumClass.getEnumConstants();
    }

    public Class<T> getEnumClass() {
        return enumClass;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public EnumSerializer<T> duplicate() {
        return this;
    }

    @Override
    public T createInstance() {
        return values.length == 0 ? null : values[0];
    }

    @Override
    public T copy(T from) {
        return from;
    }

    @Override
    public int getLength() {
        return 4;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        target.writeInt(record == null ? -1 : record.ordinal());
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        int ordinal = source.readInt();
        if (ordinal < 0) {
            return null;
        }
        if (ordinal >= values.length) {
            throw new IOException("Enum " + enumClass.getName() + " has no constant with ordinal " + ordinal
                    + " (it has " + values.length + "); was the enum changed since the data was written?");
        }
        return values[ordinal];
    }

    private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (enumClass == null || !enumClass.isEnum()) {
            throw new InvalidObjectException("EnumSerializer without an enum class");
        }
        values = enumClass.getEnumConstants();
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof EnumSerializer && ((EnumSerializer<?>) obj).enumClass == enumClass;
    }

    @Override
    public int hashCode() {
        return enumClass.getName().hashCode();
    }

    @Override
    public String toString() {
        return "EnumSerializer<" + enumClass.getName() + ">";
    }
}
