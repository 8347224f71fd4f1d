package dev.eddy.api.java.typeutils.runtime;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fast field access and instantiation for {@link PojoSerializer}, the hot path of every POJO
 * record that is copied between chained operators or crosses the network.
 *
 * <p>{@link java.lang.reflect.Field} accessors are one virtual call per field through a different
 * accessor class per field type, which the JIT cannot inline at the serializer's shared call
 * sites; {@code Constructor.newInstance} adds argument checks and an array per call. Here fields
 * are read and written at their {@code sun.misc.Unsafe} offsets (one monomorphic intrinsic per
 * primitive type) and instances come from a {@link Supplier} spun by {@link LambdaMetafactory}
 * around the no-argument constructor (constructor semantics kept: field initialisers run).
 *
 * <p>When either is unavailable (no {@code jdk.unsupported} module, a class the lambda cannot be
 * defined for), {@link #create} returns null and the serializer keeps using reflection, with
 * identical results. Immutable after construction; safe to share between threads.
 */
final class PojoAccess<T> {
    private static final Logger LOG = LoggerFactory.getLogger(PojoAccess.class);
    private static final sun.misc.Unsafe UNSAFE = findUnsafe();

    private final Supplier<T> constructor;
    private final long[] offsets;
    private final int[] kinds;

    private PojoAccess(Supplier<T> constructor, long[] offsets, int[] kinds) {
        this.constructor = constructor;
        this.offsets = offsets;
        this.kinds = kinds;
    }

    /** Fast access to {@code fields} of {@code clazz}, or null when it cannot be set up (use reflection). */
    static <T> PojoAccess<T> create(Class<T> clazz, Constructor<T> ctor, Field[] fields, int[] kinds) {
        if (UNSAFE == null) {
            return null;
        }
        try {
            long[] offsets = new long[fields.length];
            for (int i = 0; i < fields.length; i++) {
                int modifiers = fields[i].getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isVolatile(modifiers)) {
                    return null; // Unsafe plain access would drop volatile semantics
                }
                offsets[i] = UNSAFE.objectFieldOffset(fields[i]);
            }
            return new PojoAccess<>(constructorSupplier(clazz, ctor), offsets, kinds.clone());
        } catch (Throwable t) { // LinkageError, UnsupportedOperationException (records, hidden classes), access
            LOG.debug("No fast field access for {}; using reflection: {}", clazz.getName(), t.toString());
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Supplier<T> constructorSupplier(Class<T> clazz, Constructor<T> ctor) throws Throwable {
        // A lookup in the POJO's own class, so the lambda class is defined where the POJO is visible
        // (its user-code class loader) and may call a non-public constructor.
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(clazz, MethodHandles.lookup());
        MethodHandle handle = lookup.unreflectConstructor(ctor);
        CallSite site = LambdaMetafactory.metafactory(lookup, "get", MethodType.methodType(Supplier.class),
                MethodType.methodType(Object.class), handle, MethodType.methodType(clazz));
        return (Supplier<T>) site.getTarget().invokeExact();
    }

    /** A new instance from the no-argument constructor; what it throws is wrapped as with reflection. */
    T newInstance(Class<T> clazz) {
        try {
            return constructor.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The no-argument constructor of " + clazz.getName() + " threw " + e, e);
        }
    }

    void write(Object obj, TypeSerializer<Object>[] serializers, DataOutputView out) throws IOException {
        for (int i = 0; i < offsets.length; i++) {
            long o = offsets[i];
            switch (kinds[i]) {
                case FieldIo.INT -> out.writeInt(UNSAFE.getInt(obj, o));
                case FieldIo.LONG -> out.writeLong(UNSAFE.getLong(obj, o));
                case FieldIo.DOUBLE -> out.writeDouble(UNSAFE.getDouble(obj, o));
                case FieldIo.FLOAT -> out.writeFloat(UNSAFE.getFloat(obj, o));
                case FieldIo.BOOLEAN -> out.writeBoolean(UNSAFE.getBoolean(obj, o));
                case FieldIo.SHORT -> out.writeShort(UNSAFE.getShort(obj, o));
                case FieldIo.BYTE -> out.writeByte(UNSAFE.getByte(obj, o));
                case FieldIo.CHAR -> out.writeChar(UNSAFE.getChar(obj, o));
                default -> {
                    Object value = UNSAFE.getObject(obj, o);
                    if (value == null) {
                        out.writeBoolean(false);
                    } else {
                        out.writeBoolean(true);
                        serializers[i].serialize(value, out);
                    }
                }
            }
        }
    }

    void readInto(Object obj, TypeSerializer<Object>[] serializers, DataInputView in) throws IOException {
        for (int i = 0; i < offsets.length; i++) {
            long o = offsets[i];
            switch (kinds[i]) {
                case FieldIo.INT -> UNSAFE.putInt(obj, o, in.readInt());
                case FieldIo.LONG -> UNSAFE.putLong(obj, o, in.readLong());
                case FieldIo.DOUBLE -> UNSAFE.putDouble(obj, o, in.readDouble());
                case FieldIo.FLOAT -> UNSAFE.putFloat(obj, o, in.readFloat());
                case FieldIo.BOOLEAN -> UNSAFE.putBoolean(obj, o, in.readBoolean());
                case FieldIo.SHORT -> UNSAFE.putShort(obj, o, in.readShort());
                case FieldIo.BYTE -> UNSAFE.putByte(obj, o, in.readByte());
                case FieldIo.CHAR -> UNSAFE.putChar(obj, o, in.readChar());
                default -> UNSAFE.putObject(obj, o, in.readBoolean() ? serializers[i].deserialize(in) : null);
            }
        }
    }

    void copy(Object from, Object to, TypeSerializer<Object>[] serializers) {
        for (int i = 0; i < offsets.length; i++) {
            long o = offsets[i];
            switch (kinds[i]) {
                case FieldIo.INT -> UNSAFE.putInt(to, o, UNSAFE.getInt(from, o));
                case FieldIo.LONG -> UNSAFE.putLong(to, o, UNSAFE.getLong(from, o));
                case FieldIo.DOUBLE -> UNSAFE.putDouble(to, o, UNSAFE.getDouble(from, o));
                case FieldIo.FLOAT -> UNSAFE.putFloat(to, o, UNSAFE.getFloat(from, o));
                case FieldIo.BOOLEAN -> UNSAFE.putBoolean(to, o, UNSAFE.getBoolean(from, o));
                case FieldIo.SHORT -> UNSAFE.putShort(to, o, UNSAFE.getShort(from, o));
                case FieldIo.BYTE -> UNSAFE.putByte(to, o, UNSAFE.getByte(from, o));
                case FieldIo.CHAR -> UNSAFE.putChar(to, o, UNSAFE.getChar(from, o));
                default -> {
                    Object value = UNSAFE.getObject(from, o);
                    UNSAFE.putObject(to, o, value == null ? null : serializers[i].copy(value));
                }
            }
        }
    }

    private static sun.misc.Unsafe findUnsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.info("sun.misc.Unsafe is not available; POJO fields are accessed by reflection ({})", e.toString());
            return null;
        }
    }
}
