package dev.eddy.core.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * An {@link FSDataInputStream} over a local file. Unbuffered: wrap it (formats do) when reading
 * small pieces. Used by one thread at a time.
 */
public final class LocalDataInputStream extends FSDataInputStream {
    private final FileChannel channel;
    private final byte[] single = new byte[1];

    public LocalDataInputStream(java.nio.file.Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    @Override
    public void seek(long desired) throws IOException {
        channel.position(desired);
    }

    @Override
    public long getPos() throws IOException {
        return channel.position();
    }

    @Override
    public int read() throws IOException {
        int n = read(single, 0, 1);
        return n <= 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        return channel.read(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public long skip(long n) throws IOException {
        long target = Math.min(channel.size(), channel.position() + Math.max(0, n));
        long skipped = target - channel.position();
        channel.position(target);
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, channel.size() - channel.position()));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
