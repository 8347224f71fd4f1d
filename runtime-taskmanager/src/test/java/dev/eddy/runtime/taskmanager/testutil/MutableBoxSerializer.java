package dev.eddy.runtime.taskmanager.testutil;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;

/** Serializer of the mutable {@link MutableBox}; copy makes a new box. */
public final class MutableBoxSerializer extends TypeSerializer<MutableBox> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<MutableBox> duplicate() {
        return this;
    }

    @Override
    public MutableBox createInstance() {
        return new MutableBox(0);
    }

    @Override
    public MutableBox copy(MutableBox from) {
        return new MutableBox(from.value);
    }

    @Override
    public int getLength() {
        return 8;
    }

    @Override
    public void serialize(MutableBox record, DataOutputView target) throws IOException {
        target.writeLong(record.value);
    }

    @Override
    public MutableBox deserialize(DataInputView source) throws IOException {
        return new MutableBox(source.readLong());
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof MutableBoxSerializer;
    }

    @Override
    public int hashCode() {
        return 2;
    }
}
