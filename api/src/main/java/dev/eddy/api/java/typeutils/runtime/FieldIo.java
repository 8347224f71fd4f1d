package dev.eddy.api.java.typeutils.runtime;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.common.typeutils.base.BooleanSerializer;
import dev.eddy.api.common.typeutils.base.ByteSerializer;
import dev.eddy.api.common.typeutils.base.CharSerializer;
import dev.eddy.api.common.typeutils.base.DoubleSerializer;
import dev.eddy.api.common.typeutils.base.FloatSerializer;
import dev.eddy.api.common.typeutils.base.IntSerializer;
import dev.eddy.api.common.typeutils.base.LongSerializer;
import dev.eddy.api.common.typeutils.base.ShortSerializer;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;
import java.lang.reflect.Field;

/**
 * Reflective field I/O shared by the POJO and record serializers. Primitive fields whose serializer
 * is the standard one are read and written with the primitive accessors of {@link Field} (no
 * boxing, no null flag); all other fields go through their serializer with a null flag byte.
 */
final class FieldIo {
    static final int OBJECT = 0;
    static final int INT = 1;
    static final int LONG = 2;
    static final int DOUBLE = 3;
    static final int FLOAT = 4;
    static final int BOOLEAN = 5;
    static final int SHORT = 6;
    static final int BYTE = 7;
    static final int CHAR = 8;

    private FieldIo() {}

    /**
     * Duplicates of the field serializers for another thread, or null when every one of them is
     * stateless (returned itself), so the composite serializer can return {@code this}.
     */
    @SuppressWarnings("unchecked")
    static TypeSerializer<Object>[] duplicateAll(TypeSerializer<Object>[] serializers) {
        TypeSerializer<Object>[] dups = new TypeSerializer[serializers.length];
        boolean changed = false;
        for (int i = 0; i < dups.length; i++) {
            dups[i] = serializers[i].duplicate();
            changed |= dups[i] != serializers[i];
        }
        return changed ? dups : null;
    }

    static int kindOf(Field field, TypeSerializer<?> serializer) {
        Class<?> t = field.getType();
        if (!t.isPrimitive()) {
            return OBJECT;
        }
        if (t == int.class && serializer instanceof IntSerializer) {
            return INT;
        } else if (t == long.class && serializer instanceof LongSerializer) {
            return LONG;
        } else if (t == double.class && serializer instanceof DoubleSerializer) {
            return DOUBLE;
        } else if (t == float.class && serializer instanceof FloatSerializer) {
            return FLOAT;
        } else if (t == boolean.class && serializer instanceof BooleanSerializer) {
            return BOOLEAN;
        } else if (t == short.class && serializer instanceof ShortSerializer) {
            return SHORT;
        } else if (t == byte.class && serializer instanceof ByteSerializer) {
            return BYTE;
        } else if (t == char.class && serializer instanceof CharSerializer) {
            return CHAR;
        }
        return OBJECT;
    }

    static void write(int kind, Field f, TypeSerializer<Object> serializer, Object obj, DataOutputView out)
            throws IllegalAccessException, IOException {
        switch (kind) {
            case INT:
                out.writeInt(f.getInt(obj));
                break;
            case LONG:
                out.writeLong(f.getLong(obj));
                break;
            case DOUBLE:
                out.writeDouble(f.getDouble(obj));
                break;
            case FLOAT:
                out.writeFloat(f.getFloat(obj));
                break;
            case BOOLEAN:
                out.writeBoolean(f.getBoolean(obj));
                break;
            case SHORT:
                out.writeShort(f.getShort(obj));
                break;
            case BYTE:
                out.writeByte(f.getByte(obj));
                break;
            case CHAR:
                out.writeChar(f.getChar(obj));
                break;
            default:
                Object value = f.get(obj);
                if (value == null) {
                    out.writeBoolean(false);
                } else {
                    out.writeBoolean(true);
                    serializer.serialize(value, out);
                }
        }
    }

    /** Reads one field value (boxed for primitive kinds). */
    static Object read(int kind, TypeSerializer<Object> serializer, DataInputView in) throws IOException {
        switch (kind) {
            case INT:
                return in.readInt();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case FLOAT:
                return in.readFloat();
            case BOOLEAN:
                return in.readBoolean();
            case SHORT:
                return in.readShort();
            case BYTE:
                return in.readByte();
            case CHAR:
                return in.readChar();
            default:
                return in.readBoolean() ? serializer.deserialize(in) : null;
        }
    }

    /** Reads one field value straight into {@code obj}'s field (no boxing for primitive kinds). */
    static void readInto(int kind, Field f, TypeSerializer<Object> serializer, Object obj, DataInputView in)
            throws IllegalAccessException, IOException {
        switch (kind) {
            case INT:
                f.setInt(obj, in.readInt());
                break;
            case LONG:
                f.setLong(obj, in.readLong());
                break;
            case DOUBLE:
                f.setDouble(obj, in.readDouble());
                break;
            case FLOAT:
                f.setFloat(obj, in.readFloat());
                break;
            case BOOLEAN:
                f.setBoolean(obj, in.readBoolean());
                break;
            case SHORT:
                f.setShort(obj, in.readShort());
                break;
            case BYTE:
                f.setByte(obj, in.readByte());
                break;
            case CHAR:
                f.setChar(obj, in.readChar());
                break;
            default:
                f.set(obj, in.readBoolean() ? serializer.deserialize(in) : null);
        }
    }

    /** Copies one field from {@code from} to {@code to}, deep-copying object values. */
    static void copy(int kind, Field f, TypeSerializer<Object> serializer, Object from, Object to) throws IllegalAccessException {
        switch (kind) {
            case INT:
                f.setInt(to, f.getInt(from));
                break;
            case LONG:
                f.setLong(to, f.getLong(from));
                break;
            case DOUBLE:
                f.setDouble(to, f.getDouble(from));
                break;
            case FLOAT:
                f.setFloat(to, f.getFloat(from));
                break;
            case BOOLEAN:
                f.setBoolean(to, f.getBoolean(from));
                break;
            case SHORT:
                f.setShort(to, f.getShort(from));
                break;
            case BYTE:
                f.setByte(to, f.getByte(from));
                break;
            case CHAR:
                f.setChar(to, f.getChar(from));
                break;
            default:
                Object value = f.get(from);
                f.set(to, value == null ? null : serializer.copy(value));
        }
    }

    static IllegalStateException accessFailure(Class<?> type, Field f, Exception e) {
        return new IllegalStateException("Cannot access field '" + f.getName() + "' of " + type.getName() + ": " + e, e);
    }
}
