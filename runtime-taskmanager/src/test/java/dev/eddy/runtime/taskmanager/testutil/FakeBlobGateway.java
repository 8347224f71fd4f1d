package dev.eddy.runtime.taskmanager.testutil;

import dev.eddy.runtime.gateway.BlobGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Serves jars from a map by hash, asynchronously after a small delay; counts fetches. */
public final class FakeBlobGateway implements BlobGateway {
    public final Map<String, Path> jars = new ConcurrentHashMap<>();
    public final AtomicInteger fetches = new AtomicInteger();
    public volatile long delayMillis = 50;

    @Override
    public CompletableFuture<Path> fetchJar(String sha256, Path target) {
        fetches.incrementAndGet();
        return CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(delayMillis);
                Path source = jars.get(sha256);
                if (source == null) {
                    throw new IllegalArgumentException("No jar with SHA-256 " + sha256);
                }
                Path tmp = Files.createTempFile(target.getParent(), "fetch", ".tmp");
                Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                return target;
            } catch (IOException | InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
    }
}
