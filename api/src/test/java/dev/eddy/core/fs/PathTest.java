package dev.eddy.core.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URI;
import org.junit.jupiter.api.Test;

class PathTest {
    @Test
    void plainAbsolutePath() {
        Path p = new Path("/data/in/file.txt");
        assertThat(p.getName()).isEqualTo("file.txt");
        assertThat(p.getParent()).isEqualTo(new Path("/data/in"));
        assertThat(p.toString()).isEqualTo("/data/in/file.txt");
        assertThat(p.toUri()).isEqualTo(URI.create("/data/in/file.txt"));
        assertThat(p.isAbsolute()).isTrue();
        assertThat(p.toLocalPath()).isEqualTo(java.nio.file.Paths.get("/data/in/file.txt"));
    }

    @Test
    void fileUriAndTrailingSlash() {
        Path p = new Path("file:///data/out/");
        assertThat(p.toUri().getScheme()).isEqualTo("file");
        assertThat(p.getName()).isEqualTo("out");
        assertThat(p.toString()).isEqualTo("file:///data/out");
        assertThat(p.getParent().toString()).isEqualTo("file:///data");
        assertThat(p.toLocalPath()).isEqualTo(java.nio.file.Paths.get("/data/out"));
        assertThat(new Path("/").getParent()).isNull();
    }

    @Test
    void childPathsAndLocalFiles() {
        assertThat(new Path(new Path("/a/b"), "c.txt")).isEqualTo(new Path("/a/b/c.txt"));
        assertThat(new Path("file:///a", "b").toString()).isEqualTo("file:///a/b");
        assertThat(new Path("relative/x").isAbsolute()).isFalse();
        Path local = Path.fromLocalFile(new File("/tmp/x y.txt"));
        assertThat(local.getName()).isEqualTo("x y.txt");
        assertThat(local.toLocalPath()).isEqualTo(java.nio.file.Paths.get("/tmp/x y.txt"));
    }

    @Test
    void otherSchemesAreRejectedWithAClearMessage() {
        Path p = new Path("hdfs://namenode:8020/user/data");
        assertThat(p.getName()).isEqualTo("data");
        assertThat(p.toString()).isEqualTo("hdfs://namenode:8020/user/data");
        assertThatThrownBy(p::toLocalPath).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("hdfs").hasMessageContaining("hdfs://namenode:8020/user/data");
        assertThatThrownBy(() -> new Path("")).isInstanceOf(IllegalArgumentException.class);
    }
}
