package dev.eddy.streaming.util.serialization;

import dev.eddy.core.memory.DataInputView;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A {@link DataInputView} over an {@link InputStream}. One reader thread at a time. */
public final class DataInputStreamView extends DataInputStream implements DataInputView {
    public DataInputStreamView(InputStream in) {
        super(in);
    }

    @Override
    public void skipBytesToRead(int numBytes) throws IOException {
        int left = numBytes;
        while (left > 0) {
            int skipped = skipBytes(left);
            if (skipped <= 0) {
                throw new EOFException("Could not skip " + numBytes + " bytes: input ended");
            }
            left -= skipped;
        }
    }
}
