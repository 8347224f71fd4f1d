package dev.eddy.runtime.taskmanager.state;

import dev.eddy.proto.KeyGroupsStateHandleProto;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.runtime.state.KeyGroupRange;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads key groups out of files with the per-key-group offsets scheme of
 * {@link KeyGroupStateFormat} (canonical keyed state and raw keyed state alike). Stateless; each
 * call opens and closes its files. Any thread.
 */
public final class KeyGroupsFile {
    private KeyGroupsFile() {}

    /** Receives the bytes of one key group, positioned at its start. */
    @FunctionalInterface
    public interface KeyGroupReader {
        void read(int keyGroup, DataInputStream in) throws IOException;
    }

    /** Resolves a handle path: absolute as is, relative against {@code baseDirectory}. */
    public static Path resolve(String path, Path baseDirectory) {
        Path p = Path.of(path);
        if (p.isAbsolute() || baseDirectory == null) {
            return p;
        }
        return baseDirectory.resolve(p);
    }

    /**
     * Calls {@code reader} for every non-empty key group of {@code handle} inside {@code range},
     * in ascending order. The stream must not be closed by the reader.
     */
    public static void readKeyGroups(KeyGroupsStateHandleProto handle, Path baseDirectory, KeyGroupRange range, KeyGroupReader reader)
            throws IOException {
        int start = handle.getStartKeyGroup();
        boolean any = false;
        for (int j = 0; j < handle.getOffsetsCount(); j++) {
            if (handle.getOffsets(j) >= 0 && range.contains(start + j)) {
                any = true;
                break;
            }
        }
        if (!any) {
            return;
        }
        Path file = resolve(handle.getPath(), baseDirectory);
        if (!Files.exists(file)) {
            throw new IOException("State file " + file + " (key groups " + start + ".." + (start + handle.getOffsetsCount() - 1)
                    + ") does not exist; the checkpoint or savepoint directory is incomplete or was moved without its files");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            InputStream raw = Channels.newInputStream(ch);
            for (int j = 0; j < handle.getOffsetsCount(); j++) {
                long offset = handle.getOffsets(j);
                int keyGroup = start + j;
                if (offset < 0 || !range.contains(keyGroup)) {
                    continue;
                }
                ch.position(offset);
                DataInputStream in = new DataInputStream(new BufferedInputStream(new NonClosing(raw), 16 * 1024));
                reader.read(keyGroup, in);
            }
        }
    }

    /** The canonical-format handles among {@code handles}; fails clearly on incremental ones. */
    public static List<KeyGroupsStateHandleProto> canonicalHandles(List<KeyedStateHandleProto> handles, String backendName) {
        return handles.stream().map(h -> {
            if (!h.hasKeyGroups()) {
                throw new IllegalStateException("The " + backendName + " keyed state backend cannot restore an incremental RocksDB"
                        + " checkpoint (key groups " + h.getIncremental().getStartKeyGroup() + ".." + h.getIncremental().getEndKeyGroup()
                        + "); restore it with state.backend.type: rocksdb, or take a savepoint and restore from that");
            }
            return h.getKeyGroups();
        }).toList();
    }

    /** An input stream whose close does nothing (the channel is closed by its owner). */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
