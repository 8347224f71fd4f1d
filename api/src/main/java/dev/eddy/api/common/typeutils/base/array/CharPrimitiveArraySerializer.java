package dev.eddy.api.common.typeutils.base.array;

import dev.eddy.api.common.typeutils.base.TypeSerializerSingleton;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;

/** Null-safe {@code char[]} serializer: int length (-1 = null) then the elements. */
public final class CharPrimitiveArraySerializer extends TypeSerializerSingleton<char[]> {
    private static final long serialVersionUID = 1L;
    public static final CharPrimitiveArraySerializer INSTANCE = new CharPrimitiveArraySerializer();
    private static final char[] EMPTY = new char[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public char[] createInstance() {
        return EMPTY;
    }

    @Override
    public char[] copy(char[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(char[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(-1);
            return;
        }
        target.writeInt(record.length);
        for (char v : record) {
            target.writeChar(v);
        }
    }

    @Override
    public char[] deserialize(DataInputView source) throws IOException {
        int len = source.readInt();
        if (len < 0) {
            return null;
        }
        char[] result = new char[len];
        for (int i = 0; i < len; i++) {
            result[i] = source.readChar();
        }
        return result;
    }
}
