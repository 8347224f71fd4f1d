package dev.eddy.api.common.typeutils.base.array;

import dev.eddy.api.common.typeutils.base.TypeSerializerSingleton;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;

/** Null-safe {@code float[]} serializer: int length (-1 = null) then the elements. */
public final class FloatPrimitiveArraySerializer extends TypeSerializerSingleton<float[]> {
    private static final long serialVersionUID = 1L;
    public static final FloatPrimitiveArraySerializer INSTANCE = new FloatPrimitiveArraySerializer();
    private static final float[] EMPTY = new float[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public float[] createInstance() {
        return EMPTY;
    }

    @Override
    public float[] copy(float[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(float[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(-1);
            return;
        }
        target.writeInt(record.length);
        for (float v : record) {
            target.writeFloat(v);
        }
    }

    @Override
    public float[] deserialize(DataInputView source) throws IOException {
        int len = source.readInt();
        if (len < 0) {
            return null;
        }
        float[] result = new float[len];
        for (int i = 0; i < len; i++) {
            result[i] = source.readFloat();
        }
        return result;
    }
}
