package dev.eddy.runtime.taskmanager.network.serialization;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Big-endian reads at any array position, for parsing element headers in place. Stateless. */
public final class BigEndian {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private BigEndian() {}

    public static int getInt(byte[] array, int position) {
        return (int) INT.get(array, position);
    }

    public static long getLong(byte[] array, int position) {
        return (long) LONG.get(array, position);
    }
}
