package dev.eddy.runtime.jobmanager.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.JobManagerOptions;
import dev.eddy.configuration.MemorySize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest {
    private static final String SHA_OF_HELLO = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    @TempDir
    Path dir;

    @Test
    void storesByContentHash() throws IOException {
        FileBlobStore store = new FileBlobStore(dir, 1024);
        Path tmp = store.newTempFile();
        Files.writeString(tmp, "hello", StandardCharsets.UTF_8);

        String sha = store.putJar(tmp);

        assertThat(sha).isEqualTo(SHA_OF_HELLO);
        assertThat(store.getJar(sha)).isEqualTo(dir.resolve(SHA_OF_HELLO + ".jar")).hasContent("hello");
        assertThat(store.getJar(sha.toUpperCase())).isNotNull();
        assertThat(tmp).doesNotExist();
    }

    @Test
    void sameContentTwiceKeepsOneFile() throws IOException {
        FileBlobStore store = new FileBlobStore(dir, 1024);
        for (int i = 0; i < 2; i++) {
            Path tmp = store.newTempFile();
            Files.writeString(tmp, "hello");
            assertThat(store.putJar(tmp)).isEqualTo(SHA_OF_HELLO);
            assertThat(tmp).doesNotExist();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".jar"))).hasSize(1);
        }
    }

    @Test
    void rejectsJarsOverTheLimitAndDeletesTheUpload() throws IOException {
        FileBlobStore store = new FileBlobStore(dir, 4);
        Path tmp = store.newTempFile();
        Files.writeString(tmp, "hello");

        assertThatThrownBy(() -> store.putJar(tmp)).isInstanceOf(IOException.class)
                .hasMessageContaining("5 bytes").hasMessageContaining("limit of 4 bytes").hasMessageContaining("jobmanager.upload.max-jar-size");
        assertThat(tmp).doesNotExist();
        assertThat(store.getJar(SHA_OF_HELLO)).isNull();
    }

    @Test
    void unknownOrMalformedHashesAreAbsent() throws IOException {
        FileBlobStore store = new FileBlobStore(dir, 1024);
        assertThat(store.getJar(SHA_OF_HELLO)).isNull();
        assertThat(store.getJar("../../etc/passwd")).isNull();
        assertThat(store.getJar(null)).isNull();
    }

    @Test
    void leftoverPartialUploadsAreRemovedOnStart() throws IOException {
        Path leftover = new FileBlobStore(dir, 1024).newTempFile();
        Files.writeString(leftover, "half a jar");
        new FileBlobStore(dir, 1024);
        assertThat(leftover).doesNotExist();
    }

    @Test
    void temporaryStoreIsDeletedOnCloseConfiguredOneIsKept() throws IOException {
        FileBlobStore temporary = FileBlobStore.create(new Configuration());
        Path tmp = temporary.newTempFile();
        Files.writeString(tmp, "hello");
        temporary.putJar(tmp);
        temporary.close();
        assertThat(temporary.directory()).doesNotExist();

        Configuration conf = new Configuration();
        conf.set(JobManagerOptions.BLOB_DIR, dir.toString());
        FileBlobStore configured = FileBlobStore.create(conf);
        Path tmp2 = configured.newTempFile();
        Files.writeString(tmp2, "hello");
        configured.putJar(tmp2);
        configured.close();
        assertThat(configured.getJar(SHA_OF_HELLO)).exists();
    }

    @Test
    void createReadsDirectoryAndLimitFromConfiguration() throws IOException {
        Configuration conf = new Configuration();
        conf.set(JobManagerOptions.BLOB_DIR, dir.resolve("blobs").toString());
        conf.set(JobManagerOptions.MAX_JAR_SIZE, MemorySize.parse("2 kb"));
        FileBlobStore store = FileBlobStore.create(conf);
        assertThat(store.directory()).isEqualTo(dir.resolve("blobs")).isDirectory();
        assertThat(store.maxJarSize()).isEqualTo(2048);
    }
}
