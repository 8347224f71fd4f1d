package dev.eddy.api.common.typeutils.base.array;

import dev.eddy.api.common.typeutils.base.TypeSerializerSingleton;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;

/** Null-safe {@code long[]} serializer: int length (-1 = null) then the elements. */
public final class LongPrimitiveArraySerializer extends TypeSerializerSingleton<long[]> {
    private static final long serialVersionUID = 1L;
    public static final LongPrimitiveArraySerializer INSTANCE = new LongPrimitiveArraySerializer();
    private static final long[] EMPTY = new long[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public long[] createInstance() {
        return EMPTY;
    }

    @Override
    public long[] copy(long[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(long[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(-1);
            return;
        }
        target.writeInt(record.length);
        for (long v : record) {
            target.writeLong(v);
        }
    }

    @Override
    public long[] deserialize(DataInputView source) throws IOException {
        int len = source.readInt();
        if (len < 0) {
            return null;
        }
        long[] result = new long[len];
        for (int i = 0; i < len; i++) {
            result[i] = source.readLong();
        }
        return result;
    }
}
