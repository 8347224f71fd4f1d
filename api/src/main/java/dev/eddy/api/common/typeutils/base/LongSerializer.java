package dev.eddy.api.common.typeutils.base;

import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer for {@code Long} values (8 bytes). Null values are not supported (wrap in a nullable container such as a POJO field). */
public final class LongSerializer extends TypeSerializerSingleton<Long> {
    private static final long serialVersionUID = 1L;
    public static final LongSerializer INSTANCE = new LongSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Long createInstance() {
        return Long.valueOf(0L);
    }

    @Override
    public Long copy(Long from) {
        return from;
    }

    @Override
    public int getLength() {
        return 8;
    }

    @Override
    public void serialize(Long record, DataOutputView target) throws IOException {
        target.writeLong(record);
    }

    @Override
    public Long deserialize(DataInputView source) throws IOException {
        return source.readLong();
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.write(source, 8);
    }
}
