package dev.eddy.runtime.gateway;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The JobManager's jar store, as the gRPC upload/download adapters see it. Implemented by the
 * JobManager. Thread-safe.
 */
public interface BlobStore {
    /** Largest accepted jar in bytes. */
    long maxJarSize();

    /** A new temp file (in the store's directory) for an upload in progress. */
    Path newTempFile() throws IOException;

    /** Hashes a fully uploaded temp file, moves it to its content address; returns the SHA-256 hex. */
    String putJar(Path tempFile) throws IOException;

    /** The stored jar, or null if no jar has that SHA-256. */
    Path getJar(String sha256);
}
