package dev.eddy.api.common.typeutils.base.array;

import dev.eddy.api.common.typeutils.base.TypeSerializerSingleton;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;

/** Null-safe {@code boolean[]} serializer: int length (-1 = null) then the elements. */
public final class BooleanPrimitiveArraySerializer extends TypeSerializerSingleton<boolean[]> {
    private static final long serialVersionUID = 1L;
    public static final BooleanPrimitiveArraySerializer INSTANCE = new BooleanPrimitiveArraySerializer();
    private static final boolean[] EMPTY = new boolean[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public boolean[] createInstance() {
        return EMPTY;
    }

    @Override
    public boolean[] copy(boolean[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(boolean[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(-1);
            return;
        }
        target.writeInt(record.length);
        for (boolean v : record) {
            target.writeBoolean(v);
        }
    }

    @Override
    public boolean[] deserialize(DataInputView source) throws IOException {
        int len = source.readInt();
        if (len < 0) {
            return null;
        }
        boolean[] result = new boolean[len];
        for (int i = 0; i < len; i++) {
            result[i] = source.readBoolean();
        }
        return result;
    }
}
