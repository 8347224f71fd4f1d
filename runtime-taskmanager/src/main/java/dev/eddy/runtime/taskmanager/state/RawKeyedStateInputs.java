package dev.eddy.runtime.taskmanager.state;

import dev.eddy.proto.KeyGroupsStateHandleProto;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupStatePartitionStreamProvider;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The restored raw keyed state of one operator subtask: one provider per written key group of its
 * range, over the files of the old subtasks (which may cover other ranges: rescaling). Each
 * provider's stream is bounded to its key group's bytes. Task thread (the operator's
 * {@code initializeState}).
 */
public final class RawKeyedStateInputs {
    private RawKeyedStateInputs() {}

    /** Providers for the key groups in {@code range}, in handle order, ascending key groups. */
    public static List<KeyGroupStatePartitionStreamProvider> of(List<KeyGroupsStateHandleProto> handles, Path baseDirectory,
            KeyGroupRange range) {
        List<KeyGroupStatePartitionStreamProvider> out = new ArrayList<>();
        for (KeyGroupsStateHandleProto h : handles) {
            Path file = KeyGroupsFile.resolve(h.getPath(), baseDirectory);
            long[] sorted = h.getOffsetsList().stream().mapToLong(Long::longValue).filter(o -> o >= 0).sorted().toArray();
            for (int j = 0; j < h.getOffsetsCount(); j++) {
                int kg = h.getStartKeyGroup() + j;
                long offset = h.getOffsets(j);
                if (offset < 0 || !range.contains(kg)) {
                    continue;
                }
                long end = endOf(offset, sorted, h.getSize());
                out.add(new Provider(kg, file, offset, end - offset));
            }
        }
        return out;
    }

    private static long endOf(long offset, long[] sorted, long size) {
        int i = Arrays.binarySearch(sorted, offset);
        while (i + 1 < sorted.length && sorted[i + 1] == offset) {
            i++;
        }
        return i + 1 < sorted.length ? sorted[i + 1] : size;
    }

    private record Provider(int keyGroupId, Path file, long offset, long length) implements KeyGroupStatePartitionStreamProvider {
        @Override
        public int getKeyGroupId() {
            return keyGroupId;
        }

        @Override
        public InputStream getStream() throws IOException {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
            ch.position(offset);
            return new BufferedInputStream(new Bounded(Channels.newInputStream(ch), length));
        }
    }

    /** Reads at most {@code remaining} bytes; closing closes the file. */
    private static final class Bounded extends java.io.FilterInputStream {
        private long remaining;

        Bounded(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = in.skip(Math.min(n, remaining));
            remaining -= s;
            return s;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }
    }
}
