package dev.eddy.runtime.jobmanager.checkpoint;

import static dev.eddy.runtime.jobmanager.checkpoint.StateHandles.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.proto.CheckpointMetadataProto;
import dev.eddy.proto.OperatorSubtaskStateProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataIOTest {
    @TempDir
    Path root;

    private static CheckpointMetadataProto withPaths(Path dir) {
        OperatorSubtaskStateProto s = OperatorSubtaskStateProto.newBuilder().setOperatorUid("op")
                .addManagedKeyed(keyed(keyGroups(dir.resolve("op-0").toString(), 128, 1, 0)))
                .addManagedKeyed(incremental(0, 127, dir.resolve("sst/1.sst").toString(), "/elsewhere/2.sst"))
                .addRawKeyed(keyGroups(dir.resolve("timers-0").toString(), 128, 1, 0)).build();
        return metadata(9, operator("op", 128, s));
    }

    @Test
    void writesAtomicallyAndReadsBackFromTheDirectoryOrTheFile() throws IOException {
        Path dir = root.resolve("chk-9");
        CheckpointMetadataProto m = withPaths(dir);
        Path file = MetadataIO.write(dir, m, false);
        assertThat(file).isEqualTo(dir.resolve("_metadata"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("_metadata");
        }
        MetadataIO.Loaded fromDir = MetadataIO.read(dir.toString());
        assertThat(fromDir.metadata()).isEqualTo(m);
        assertThat(fromDir.baseDirectory()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(MetadataIO.read(file.toString()).metadata()).isEqualTo(m);
    }

    @Test
    void savepointPathsUnderTheDirectoryAreStoredRelative() throws IOException {
        Path dir = root.resolve("savepoint-abc");
        MetadataIO.write(dir, withPaths(dir), true);
        OperatorSubtaskStateProto s = MetadataIO.read(dir.toString()).metadata().getOperators(0).getSubtasks(0);
        assertThat(s.getManagedKeyed(0).getKeyGroups().getPath()).isEqualTo("op-0");
        assertThat(s.getManagedKeyed(1).getIncremental().getSharedFilesList()).containsExactly("sst/1.sst", "/elsewhere/2.sst");
        assertThat(s.getRawKeyed(0).getPath()).isEqualTo("timers-0");
    }

    @Test
    void badPathsAreClearErrors() throws IOException {
        assertThatThrownBy(() -> MetadataIO.read(root.resolve("nope").toString()))
                .hasMessageContaining("nope': no such file or directory");
        Path empty = Files.createDirectories(root.resolve("chk-3"));
        assertThatThrownBy(() -> MetadataIO.read(empty.toString())).hasMessageContaining("the directory has no _metadata file");
        Path garbage = Files.writeString(root.resolve("garbage"), "not a proto \u0000\u00ff");
        assertThatThrownBy(() -> MetadataIO.read(garbage.toString())).hasMessageContaining("is not checkpoint metadata");
        assertThatThrownBy(() -> MetadataIO.read("")).hasMessageContaining("No savepoint path given");
    }
}
