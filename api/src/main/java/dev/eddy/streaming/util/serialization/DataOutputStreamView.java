package dev.eddy.streaming.util.serialization;

import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** A {@link DataOutputView} over an {@link OutputStream}. One writer thread at a time. */
public final class DataOutputStreamView extends DataOutputStream implements DataOutputView {
    public DataOutputStreamView(OutputStream out) {
        super(out);
    }

    @Override
    public void skipBytesToWrite(int numBytes) throws IOException {
        for (int i = 0; i < numBytes; i++) {
            write(0);
        }
    }

    @Override
    public void write(DataInputView source, int numBytes) throws IOException {
        byte[] bytes = new byte[numBytes];
        source.readFully(bytes);
        write(bytes);
    }
}
