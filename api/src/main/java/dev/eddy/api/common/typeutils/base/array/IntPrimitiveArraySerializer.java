package dev.eddy.api.common.typeutils.base.array;

import dev.eddy.api.common.typeutils.base.TypeSerializerSingleton;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;

/** Null-safe {@code int[]} serializer: int length (-1 = null) then the elements. */
public final class IntPrimitiveArraySerializer extends TypeSerializerSingleton<int[]> {
    private static final long serialVersionUID = 1L;
    public static final IntPrimitiveArraySerializer INSTANCE = new IntPrimitiveArraySerializer();
    private static final int[] EMPTY = new int[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public int[] createInstance() {
        return EMPTY;
    }

    @Override
    public int[] copy(int[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(int[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(-1);
            return;
        }
        target.writeInt(record.length);
        for (int v : record) {
            target.writeInt(v);
        }
    }

    @Override
    public int[] deserialize(DataInputView source) throws IOException {
        int len = source.readInt();
        if (len < 0) {
            return null;
        }
        int[] result = new int[len];
        for (int i = 0; i < len; i++) {
            result[i] = source.readInt();
        }
        return result;
    }
}
