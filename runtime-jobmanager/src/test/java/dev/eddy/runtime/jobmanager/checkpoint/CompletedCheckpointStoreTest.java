package dev.eddy.runtime.jobmanager.checkpoint;

import static dev.eddy.runtime.jobmanager.checkpoint.StateHandles.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.proto.OperatorSubtaskStateProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletedCheckpointStoreTest {
    @TempDir
    Path root;

    private CompletedCheckpoint checkpoint(long id, KeyedStateHandleProto... handles) throws IOException {
        Path dir = Files.createDirectories(root.resolve("chk-" + id));
        Files.writeString(dir.resolve("_metadata"), "x");
        OperatorSubtaskStateProto s = OperatorSubtaskStateProto.newBuilder().setOperatorUid("op")
                .addAllManagedKeyed(java.util.List.of(handles)).build();
        return new CompletedCheckpoint(metadata(id, operator("op", 128, s)), dir, new CheckpointStats(id, false, 0, 1, 2, 3));
    }

    private Path shared(String name) throws IOException {
        Path p = Files.createDirectories(root.resolve("shared")).resolve(name);
        Files.writeString(p, name);
        return p;
    }

    @Test
    void keepsTheRetainedNumberAndDeletesSubsumedDirectories() throws IOException {
        CompletedCheckpointStore store = new CompletedCheckpointStore(2, root.resolve("shared"));
        store.add(checkpoint(1));
        store.add(checkpoint(2));
        assertThat(root.resolve("chk-1")).exists();
        store.add(checkpoint(3));
        assertThat(root.resolve("chk-1")).doesNotExist();
        assertThat(root.resolve("chk-2")).exists();
        assertThat(root.resolve("chk-3")).exists();
        assertThat(store.all()).extracting(CompletedCheckpoint::checkpointId).containsExactly(2L, 3L);
        assertThat(store.latest()).get().extracting(CompletedCheckpoint::checkpointId).isEqualTo(3L);
    }

    @Test
    void sharedFilesAreDeletedOnlyWhenNoRetainedCheckpointReferencesThem() throws IOException {
        Path a = shared("a.sst");
        Path b = shared("b.sst");
        Path c = shared("c.sst");
        Path foreign = Files.writeString(Files.createDirectories(root.resolve("other-job/shared")).resolve("f.sst"), "f");
        CompletedCheckpointStore store = new CompletedCheckpointStore(1, root.resolve("shared"));
        store.add(checkpoint(1, incremental(0, 127, a.toString(), b.toString(), foreign.toString())));
        store.add(checkpoint(2, incremental(0, 127, b.toString(), c.toString())));
        assertThat(a).doesNotExist();
        assertThat(foreign).as("not in this job's shared directory").exists();
        assertThat(b).exists();
        assertThat(c).exists();
        store.add(checkpoint(3, incremental(0, 63, c.toString()), incremental(64, 127, c.toString())));
        assertThat(b).doesNotExist();
        assertThat(c).exists();
        assertThat(root.resolve("chk-2")).doesNotExist();
    }

    @Test
    void savepointsAreNotStored() throws IOException {
        CompletedCheckpoint c = checkpoint(1);
        CompletedCheckpoint savepoint = new CompletedCheckpoint(c.metadata().toBuilder().setSavepoint(true).build(), c.directory(), c.stats());
        assertThatThrownBy(() -> new CompletedCheckpointStore(1, root.resolve("shared")).add(savepoint)).hasMessageContaining("must not go into the checkpoint store");
    }
}
