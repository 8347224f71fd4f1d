package dev.eddy.api.common.typeutils.base.array;

import dev.eddy.api.common.typeutils.base.TypeSerializerSingleton;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;

/** Null-safe {@code double[]} serializer: int length (-1 = null) then the elements. */
public final class DoublePrimitiveArraySerializer extends TypeSerializerSingleton<double[]> {
    private static final long serialVersionUID = 1L;
    public static final DoublePrimitiveArraySerializer INSTANCE = new DoublePrimitiveArraySerializer();
    private static final double[] EMPTY = new double[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public double[] createInstance() {
        return EMPTY;
    }

    @Override
    public double[] copy(double[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(double[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(-1);
            return;
        }
        target.writeInt(record.length);
        for (double v : record) {
            target.writeDouble(v);
        }
    }

    @Override
    public double[] deserialize(DataInputView source) throws IOException {
        int len = source.readInt();
        if (len < 0) {
            return null;
        }
        double[] result = new double[len];
        for (int i = 0; i < len; i++) {
            result[i] = source.readDouble();
        }
        return result;
    }
}
