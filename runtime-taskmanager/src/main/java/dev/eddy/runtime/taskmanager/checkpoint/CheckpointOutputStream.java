package dev.eddy.runtime.taskmanager.checkpoint;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A buffered stream into one new checkpoint file. {@link #closeAndGetPath()} flushes, fsyncs
 * nothing (the JobManager's atomic _metadata write is the commit point) and returns the file;
 * {@link #discard()} deletes it. One thread at a time (usually an async snapshot thread).
 */
public final class CheckpointOutputStream extends OutputStream {
    private final Path path;
    private final OutputStream out;
    private long pos;
    private boolean closed;

    CheckpointOutputStream(Path path) throws IOException {
        this.path = path;
        this.out = new BufferedOutputStream(Files.newOutputStream(path), 64 * 1024);
    }

    /** Bytes written so far (the offset of the next byte). */
    public long getPos() {
        return pos;
    }

    public Path getPath() {
        return path;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        pos++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        pos += len;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Closes the file and returns its path. */
    public Path closeAndGetPath() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
        return path;
    }

    @Override
    public void close() throws IOException {
        closeAndGetPath();
    }

    /** Closes and deletes the file (a failed or aborted snapshot). Never throws. */
    public void discard() {
        try {
            close();
        } catch (IOException ignored) {
            // deleting below is what matters
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a stray file in an aborted checkpoint's directory; the coordinator removes the directory
        }
    }
}
