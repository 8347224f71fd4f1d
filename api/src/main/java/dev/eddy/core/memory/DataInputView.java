package dev.eddy.core.memory;

import java.io.DataInput;
import java.io.IOException;

/** A source of bytes that serializers read from. Not thread-safe: one reader at a time. */
public interface DataInputView extends DataInput {
    /** Skips exactly {@code numBytes} bytes, failing with EOFException if fewer are left. */
    void skipBytesToRead(int numBytes) throws IOException;

    /** Reads up to {@code len} bytes; returns the number read or -1 at the end. */
    int read(byte[] b, int off, int len) throws IOException;
}
