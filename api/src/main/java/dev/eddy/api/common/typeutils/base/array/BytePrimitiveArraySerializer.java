package dev.eddy.api.common.typeutils.base.array;

import dev.eddy.api.common.typeutils.base.TypeSerializerSingleton;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;

/** Null-safe {@code byte[]} serializer: int length (-1 = null) then the elements. */
public final class BytePrimitiveArraySerializer extends TypeSerializerSingleton<byte[]> {
    private static final long serialVersionUID = 1L;
    public static final BytePrimitiveArraySerializer INSTANCE = new BytePrimitiveArraySerializer();
    private static final byte[] EMPTY = new byte[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public byte[] createInstance() {
        return EMPTY;
    }

    @Override
    public byte[] copy(byte[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(byte[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(-1);
            return;
        }
        target.writeInt(record.length);
        target.write(record);
    }

    @Override
    public byte[] deserialize(DataInputView source) throws IOException {
        int len = source.readInt();
        if (len < 0) {
            return null;
        }
        byte[] result = new byte[len];
        source.readFully(result);
        return result;
    }
}
