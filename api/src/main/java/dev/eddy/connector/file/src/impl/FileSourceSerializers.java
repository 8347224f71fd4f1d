package dev.eddy.connector.file.src.impl;

import dev.eddy.connector.file.src.FileSourceSplit;
import dev.eddy.connector.file.src.PendingSplitsCheckpoint;
import dev.eddy.core.fs.Path;
import dev.eddy.core.io.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Versioned binary forms of file splits and file enumerator checkpoints. Stateless. */
public final class FileSourceSerializers {
    private FileSourceSerializers() {}

    public static final SimpleVersionedSerializer<FileSourceSplit> SPLIT = new SimpleVersionedSerializer<>() {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(FileSourceSplit split) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                writeSplit(split, out);
            }
            return bytes.toByteArray();
        }

        @Override
        public FileSourceSplit deserialize(int version, byte[] serialized) throws IOException {
            checkVersion(version, "FileSourceSplit");
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                return readSplit(in);
            }
        }
    };

    public static final SimpleVersionedSerializer<PendingSplitsCheckpoint> CHECKPOINT = new SimpleVersionedSerializer<>() {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(PendingSplitsCheckpoint checkpoint) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(checkpoint.getSplits().size());
                for (FileSourceSplit split : checkpoint.getSplits()) {
                    writeSplit(split, out);
                }
                out.writeInt(checkpoint.getAlreadyProcessedPaths().size());
                for (Path path : checkpoint.getAlreadyProcessedPaths()) {
                    out.writeUTF(path.toString());
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public PendingSplitsCheckpoint deserialize(int version, byte[] serialized) throws IOException {
            checkVersion(version, "PendingSplitsCheckpoint");
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int splitCount = in.readInt();
                List<FileSourceSplit> splits = new ArrayList<>(splitCount);
                for (int i = 0; i < splitCount; i++) {
                    splits.add(readSplit(in));
                }
                int pathCount = in.readInt();
                List<Path> paths = new ArrayList<>(pathCount);
                for (int i = 0; i < pathCount; i++) {
                    paths.add(new Path(in.readUTF()));
                }
                return new PendingSplitsCheckpoint(splits, paths);
            }
        }
    };

    private static void writeSplit(FileSourceSplit split, DataOutputStream out) throws IOException {
        out.writeUTF(split.splitId());
        out.writeUTF(split.path().toString());
        out.writeLong(split.offset());
        out.writeLong(split.length());
        out.writeLong(split.recordsToSkip());
    }

    private static FileSourceSplit readSplit(DataInputStream in) throws IOException {
        return new FileSourceSplit(in.readUTF(), new Path(in.readUTF()), in.readLong(), in.readLong(), in.readLong());
    }

    private static void checkVersion(int version, String what) throws IOException {
        if (version != 1) {
            throw new IOException("Unknown " + what + " serialization version " + version + " (this Eddy version reads version 1)");
        }
    }
}
