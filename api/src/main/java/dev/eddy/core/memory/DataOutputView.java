package dev.eddy.core.memory;

import java.io.DataOutput;
import java.io.IOException;

/** A sink of bytes that serializers write to. Not thread-safe: one writer at a time. */
public interface DataOutputView extends DataOutput {
    /** Skips {@code numBytes} bytes (their contents are undefined). */
    void skipBytesToWrite(int numBytes) throws IOException;

    /** Copies {@code numBytes} bytes from {@code source} into this view. */
    void write(DataInputView source, int numBytes) throws IOException;
}
