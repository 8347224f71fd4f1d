package dev.eddy.runtime.jobmanager.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoragePathsTest {
    @Test
    void plainPathsAndFileUrisAreTheSameDirectory() {
        assertThat(StoragePaths.toPath("/data/chk")).isEqualTo(Path.of("/data/chk"));
        assertThat(StoragePaths.toPath("file:///data/chk")).isEqualTo(Path.of("/data/chk"));
        assertThat(StoragePaths.toPath("file:/data/chk/")).isEqualTo(Path.of("/data/chk"));
        assertThat(StoragePaths.toPath(" /data/../data/chk ")).isEqualTo(Path.of("/data/chk"));
        assertThat(StoragePaths.toPath("rel/chk")).isEqualTo(Path.of("rel/chk").toAbsolutePath());
    }

    @Test
    void otherSchemesAreRefusedSayingWhatWorks() {
        assertThatThrownBy(() -> StoragePaths.toPath("s3://bucket/chk")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'s3'").hasMessageContaining("file: URI");
    }
}
