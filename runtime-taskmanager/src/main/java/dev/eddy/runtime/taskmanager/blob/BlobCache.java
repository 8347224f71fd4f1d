package dev.eddy.runtime.taskmanager.blob;

import dev.eddy.runtime.gateway.BlobGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TaskManager's cache of job jars, by SHA-256, in one directory. A jar is fetched from the
 * JobManager at most once: concurrent requests for the same hash share one download, later ones
 * find the file. A failed download is forgotten so the next request retries. Thread-safe.
 */
public final class BlobCache {
    private static final Logger LOG = LoggerFactory.getLogger(BlobCache.class);

    private final BlobGateway gateway;
    private final Path directory;
    private final Map<String, CompletableFuture<Path>> inFlight = new ConcurrentHashMap<>();

    public BlobCache(BlobGateway gateway, Path directory) {
        this.gateway = gateway;
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the jar cache directory " + directory
                    + "; set io.tmp.dirs to a writable directory", e);
        }
    }

    /** A cache in a new directory under {@code tmpDir} (or the JVM's temp dir when null). */
    public static BlobCache inTempDirectory(BlobGateway gateway, String tmpDir) {
        try {
            Path base = tmpDir == null || tmpDir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"))
                    : Path.of(tmpDir.split("[,:" + java.io.File.pathSeparator + "]")[0]);
            Files.createDirectories(base);
            return new BlobCache(gateway, Files.createTempDirectory(base, "eddy-tm-jars-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a jar cache directory under " + tmpDir, e);
        }
    }

    public Path getDirectory() {
        return directory;
    }

    /** The local path of the jar, fetching it if needed. */
    public CompletableFuture<Path> getJar(String sha256) {
        if (!sha256.matches("[0-9a-fA-F]{64}")) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Not a SHA-256 jar id: '" + sha256 + "'"));
        }
        Path target = directory.resolve(sha256.toLowerCase() + ".jar");
        if (Files.isRegularFile(target)) {
            return CompletableFuture.completedFuture(target);
        }
        CompletableFuture<Path> created = new CompletableFuture<>();
        CompletableFuture<Path> existing = inFlight.putIfAbsent(sha256, created);
        if (existing != null) {
            return existing;
        }
        if (Files.isRegularFile(target)) {
            inFlight.remove(sha256, created);
            created.complete(target);
            return created;
        }
        LOG.info("Fetching job jar {} from the JobManager into {}", sha256, directory);
        gateway.fetchJar(sha256, target).whenComplete((path, error) -> {
            if (error != null) {
                inFlight.remove(sha256, created);
                created.completeExceptionally(error);
            } else {
                created.complete(path);
                inFlight.remove(sha256, created);
            }
        });
        return created;
    }

    /** Deletes the cached jars. */
    public void close() {
        try (var files = Files.list(directory)) {
            files.forEach(f -> f.toFile().delete());
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            LOG.warn("Could not delete the jar cache {}", directory, e);
        }
    }
}
