package dev.eddy.runtime.gateway;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** TaskManager → JobManager's blob store. Thread-safe, non-blocking. */
public interface BlobGateway {
    /**
     * Streams the jar with this SHA-256 into {@code target} (written to a temp file, checked
     * against the hash, then moved atomically). Completes with {@code target}.
     */
    CompletableFuture<Path> fetchJar(String sha256, Path target);
}
