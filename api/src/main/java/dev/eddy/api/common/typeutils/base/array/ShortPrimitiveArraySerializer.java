package dev.eddy.api.common.typeutils.base.array;

import dev.eddy.api.common.typeutils.base.TypeSerializerSingleton;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;

/** Null-safe {@code short[]} serializer: int length (-1 = null) then the elements. */
public final class ShortPrimitiveArraySerializer extends TypeSerializerSingleton<short[]> {
    private static final long serialVersionUID = 1L;
    public static final ShortPrimitiveArraySerializer INSTANCE = new ShortPrimitiveArraySerializer();
    private static final short[] EMPTY = new short[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public short[] createInstance() {
        return EMPTY;
    }

    @Override
    public short[] copy(short[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(short[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(-1);
            return;
        }
        target.writeInt(record.length);
        for (short v : record) {
            target.writeShort(v);
        }
    }

    @Override
    public short[] deserialize(DataInputView source) throws IOException {
        int len = source.readInt();
        if (len < 0) {
            return null;
        }
        short[] result = new short[len];
        for (int i = 0; i < len; i++) {
            result[i] = source.readShort();
        }
        return result;
    }
}
