package dev.eddy.runtime.taskmanager.network;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;
import java.util.Arrays;

/** Tiny serializers for data plane tests. */
final class TestSerializers {
    private TestSerializers() {}

    static final class BytesSerializer extends TypeSerializer<byte[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<byte[]> duplicate() {
            return this;
        }

        @Override
        public byte[] createInstance() {
            return new byte[0];
        }

        @Override
        public byte[] copy(byte[] from) {
            return Arrays.copyOf(from, from.length);
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(byte[] record, DataOutputView target) throws IOException {
            target.writeInt(record.length);
            target.write(record);
        }

        @Override
        public byte[] deserialize(DataInputView source) throws IOException {
            byte[] b = new byte[source.readInt()];
            source.readFully(b);
            return b;
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof BytesSerializer;
        }

        @Override
        public int hashCode() {
            return 2;
        }
    }
}
