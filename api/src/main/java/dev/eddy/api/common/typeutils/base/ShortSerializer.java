package dev.eddy.api.common.typeutils.base;

import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code Short} values (2 bytes). Null values are not supported (wrap in a nullable container such as a POJO field). */
public final class ShortSerializer extends TypeSerializerSingleton<Short> {
    private static final long serialVersionUID = 1L;
    public static final ShortSerializer INSTANCE = new ShortSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Short createInstance() {
        return Short.valueOf((short) 0);
    }

    @Override
    public Short copy(Short from) {
        return from;
    }

    @Override
    public int getLength() {
        return 2;
    }

    @Override
    public void serialize(Short record, DataOutputView target) throws IOException {
        target.writeShort(record);
    }

    @Override
    public Short deserialize(DataInputView source) throws IOException {
        return source.readShort();
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.write(source, 2);
    }
}
