package dev.eddy.api.common.typeutils.base;

import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;
import java.math.BigInteger;

/** Null-safe BigInteger serializer: int byte length (-1 = null) then two's-complement bytes. */
public final class BigIntSerializer extends TypeSerializerSingleton<BigInteger> {
    private static final long serialVersionUID = 1L;
    public static final BigIntSerializer INSTANCE = new BigIntSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public BigInteger createInstance() {
        return BigInteger.ZERO;
    }

    @Override
    public BigInteger copy(BigInteger from) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(BigInteger record, DataOutputView target) throws IOException {
        writeBigInteger(record, target);
    }

    @Override
    public BigInteger deserialize(DataInputView source) throws IOException {
        return readBigInteger(source);
    }

    static void writeBigInteger(BigInteger value, DataOutputView target) throws IOException {
        if (value == null) {
            target.writeInt(-1);
            return;
        }
        byte[] bytes = value.toByteArray();
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    static BigInteger readBigInteger(DataInputView source) throws IOException {
        int len = source.readInt();
        if (len < 0) {
            return null;
        }
        byte[] bytes = new byte[len];
        source.readFully(bytes);
        return new BigInteger(bytes);
    }
}
