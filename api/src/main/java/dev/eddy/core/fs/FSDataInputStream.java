package dev.eddy.core.fs;

import java.io.IOException;
import java.io.InputStream;

/** An input stream over a file that can seek. Used by one thread at a time. */
public abstract class FSDataInputStream extends InputStream {
    /** Moves to an absolute byte position in the file. */
    public abstract void seek(long desired) throws IOException;

    /** The current byte position in the file. */
    public abstract long getPos() throws IOException;
}
