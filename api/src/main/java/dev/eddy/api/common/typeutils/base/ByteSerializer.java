package dev.eddy.api.common.typeutils.base;

import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code Byte} values (1 bytes). Null values are not supported (wrap in a nullable container such as a POJO field). */
public final class ByteSerializer extends TypeSerializerSingleton<Byte> {
    private static final long serialVersionUID = 1L;
    public static final ByteSerializer INSTANCE = new ByteSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Byte createInstance() {
        return Byte.valueOf((byte) 0);
    }

    @Override
    public Byte copy(Byte from) {
        return from;
    }

    @Override
    public int getLength() {
        return 1;
    }

    @Override
    public void serialize(Byte record, DataOutputView target) throws IOException {
        target.writeByte(record);
    }

    @Override
    public Byte deserialize(DataInputView source) throws IOException {
        return source.readByte();
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.write(source, 1);
    }
}
