package dev.eddy.streaming.api.windowing.windows;

import dev.eddy.api.common.typeutils.base.TypeSerializerSingleton;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.IOException;

/** The single window holding all elements of a key ({@code GlobalWindows}). Singleton, immutable. */
public final class GlobalWindow extends Window {
    private static final GlobalWindow INSTANCE = new GlobalWindow();

    private GlobalWindow() {}

    public static GlobalWindow get() {
        return INSTANCE;
    }

    @Override
    public long maxTimestamp() {
        return Long.MAX_VALUE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GlobalWindow;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "GlobalWindow";
    }

    /** Serializer of {@link GlobalWindow}: one byte, so that a window is never zero bytes long. */
    public static final class Serializer extends TypeSerializerSingleton<GlobalWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isImmutableType() {
            return true;
        }

        @Override
        public GlobalWindow createInstance() {
            return INSTANCE;
        }

        @Override
        public GlobalWindow copy(GlobalWindow from) {
            return from;
        }

        @Override
        public int getLength() {
            return 1;
        }

        @Override
        public void serialize(GlobalWindow record, DataOutputView target) throws IOException {
            target.writeByte(0);
        }

        @Override
        public GlobalWindow deserialize(DataInputView source) throws IOException {
            source.readByte();
            return INSTANCE;
        }
    }
}
