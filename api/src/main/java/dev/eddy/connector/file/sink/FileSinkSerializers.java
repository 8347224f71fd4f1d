package dev.eddy.connector.file.sink;

import dev.eddy.core.io.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Versioned binary forms of file sink committables and writer states (version 1). Stateless. */
final class FileSinkSerializers {
    private FileSinkSerializers() {}

    static final SimpleVersionedSerializer<FileSinkCommittable> COMMITTABLE = new SimpleVersionedSerializer<>() {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(FileSinkCommittable c) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(c.getPendingFile());
                out.writeUTF(c.getFinalFile());
            }
            return bytes.toByteArray();
        }

        @Override
        public FileSinkCommittable deserialize(int version, byte[] serialized) throws IOException {
            checkVersion(version, "FileSinkCommittable");
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                return new FileSinkCommittable(in.readUTF(), in.readUTF());
            }
        }
    };

    static final SimpleVersionedSerializer<FileWriterState> WRITER_STATE = new SimpleVersionedSerializer<>() {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(FileWriterState state) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(state.getWriterId());
                out.writeInt(state.getPendingFiles().size());
                for (String f : state.getPendingFiles()) {
                    out.writeUTF(f);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public FileWriterState deserialize(int version, byte[] serialized) throws IOException {
            checkVersion(version, "FileWriterState");
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                String id = in.readUTF();
                int n = in.readInt();
                List<String> files = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    files.add(in.readUTF());
                }
                return new FileWriterState(id, files);
            }
        }
    };

    private static void checkVersion(int version, String what) throws IOException {
        if (version != 1) {
            throw new IOException("Unknown " + what + " serialization version " + version
                    + " (this Eddy version reads version 1)");
        }
    }
}
