package dev.eddy.api.common.typeutils.base;

import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code Boolean} values (1 bytes). Null values are not supported (wrap in a nullable container such as a POJO field). */
public final class BooleanSerializer extends TypeSerializerSingleton<Boolean> {
    private static final long serialVersionUID = 1L;
    public static final BooleanSerializer INSTANCE = new BooleanSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Boolean createInstance() {
        return Boolean.FALSE;
    }

    @Override
    public Boolean copy(Boolean from) {
        return from;
    }

    @Override
    public int getLength() {
        return 1;
    }

    @Override
    public void serialize(Boolean record, DataOutputView target) throws IOException {
        target.writeBoolean(record);
    }

    @Override
    public Boolean deserialize(DataInputView source) throws IOException {
        return source.readBoolean();
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.write(source, 1);
    }
}
