package dev.eddy.runtime.taskmanager.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.runtime.taskmanager.testutil.FakeBlobGateway;
import dev.eddy.runtime.taskmanager.testutil.JarBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobCacheTest {
    @TempDir
    Path tmp;

    @Test
    void concurrentRequestsShareOneFetchAndLaterOnesHitTheCache() throws Exception {
        Path jar = Files.write(tmp.resolve("a.jar"), new byte[] {1, 2, 3});
        String sha = JarBuilder.sha256(jar);
        FakeBlobGateway gateway = new FakeBlobGateway();
        gateway.jars.put(sha, jar);
        BlobCache cache = new BlobCache(gateway, tmp.resolve("cache"));
        List<CompletableFuture<Path>> requests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            requests.add(cache.getJar(sha));
        }
        for (CompletableFuture<Path> r : requests) {
            assertThat(Files.readAllBytes(r.get(5, TimeUnit.SECONDS))).containsExactly(1, 2, 3);
        }
        assertThat(cache.getJar(sha).get(5, TimeUnit.SECONDS)).isEqualTo(cache.getDirectory().resolve(sha + ".jar"));
        assertThat(gateway.fetches.get()).isEqualTo(1);
    }

    @Test
    void failedFetchIsRetriedOnTheNextRequest() throws Exception {
        FakeBlobGateway gateway = new FakeBlobGateway();
        BlobCache cache = new BlobCache(gateway, tmp.resolve("cache"));
        String sha = "ab".repeat(32);
        assertThatThrownBy(() -> cache.getJar(sha).get(5, TimeUnit.SECONDS)).hasMessageContaining("No jar with SHA-256");
        Path jar = Files.write(tmp.resolve("b.jar"), new byte[] {4});
        gateway.jars.put(sha, jar);
        assertThat(Files.readAllBytes(cache.getJar(sha).get(5, TimeUnit.SECONDS))).containsExactly(4);
        assertThat(gateway.fetches.get()).isEqualTo(2);
    }

    @Test
    void rejectsMalformedHashes() {
        BlobCache cache = new BlobCache(new FakeBlobGateway(), tmp.resolve("cache"));
        assertThatThrownBy(() -> cache.getJar("../etc/passwd").join()).hasMessageContaining("Not a SHA-256");
    }
}
