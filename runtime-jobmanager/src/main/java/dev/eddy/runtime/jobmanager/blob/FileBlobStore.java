package dev.eddy.runtime.jobmanager.blob;

import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.JobManagerOptions;
import dev.eddy.runtime.gateway.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content-addressed jar store on the local file system: a jar lives at {@code <dir>/<sha256>.jar}.
 * Uploads are written to temp files in {@code <dir>/tmp}, hashed, then moved atomically into place,
 * so a reader never sees a partial jar.
 *
 * <p>Thread-safe without locks: every file operation is independent, and two uploads of the same
 * content race only to move identical bytes to the same name.
 */
public final class FileBlobStore implements BlobStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileBlobStore.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Path directory;
    private final Path tempDirectory;
    private final long maxJarSize;
    private final boolean deleteOnClose;

    public FileBlobStore(Path directory, long maxJarSize) throws IOException {
        this(directory, maxJarSize, false);
    }

    private FileBlobStore(Path directory, long maxJarSize, boolean deleteOnClose) throws IOException {
        if (maxJarSize <= 0) {
            throw new IllegalArgumentException("The maximum jar size must be positive, got " + maxJarSize);
        }
        this.directory = Files.createDirectories(directory);
        this.tempDirectory = Files.createDirectories(directory.resolve("tmp"));
        this.maxJarSize = maxJarSize;
        this.deleteOnClose = deleteOnClose;
        deleteContents(tempDirectory); // partial uploads of an earlier run
    }

    /** A store in {@code blob.storage.directory}, or in a new temp directory when unset. */
    public static FileBlobStore create(Configuration configuration) throws IOException {
        long max = configuration.get(JobManagerOptions.MAX_JAR_SIZE).getBytes();
        Path dir = configuration.getOptional(JobManagerOptions.BLOB_DIR)
                .map(Path::of)
                .orElse(null);
        boolean temporary = dir == null;
        if (temporary) {
            dir = Files.createTempDirectory("eddy-blobs-");
        }
        LOG.info("Blob store in {} (jars up to {} bytes)", dir, max);
        return new FileBlobStore(dir, max, temporary);
    }

    /** Deletes the store's directory if it was a temp directory created by {@link #create}; else keeps the jars. */
    @Override
    public void close() {
        if (!deleteOnClose) {
            return;
        }
        try {
            deleteContents(directory);
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            LOG.warn("Could not delete the blob directory {}: {}", directory, e.toString());
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    public Path directory() {
        return directory;
    }

    @Override
    public long maxJarSize() {
        return maxJarSize;
    }

    @Override
    public Path newTempFile() throws IOException {
        return Files.createTempFile(tempDirectory, "upload-", ".part");
    }

    @Override
    public String putJar(Path tempFile) throws IOException {
        try {
            long size = Files.size(tempFile);
            if (size > maxJarSize) {
                throw new IOException("Jar " + tempFile.getFileName() + " has " + size + " bytes, more than the limit of "
                        + maxJarSize + " bytes (jobmanager.upload.max-jar-size); shrink the jar or raise the limit");
            }
            String sha = sha256(tempFile);
            Path target = directory.resolve(sha + ".jar");
            if (Files.exists(target)) {
                Files.deleteIfExists(tempFile);
                return sha;
            }
            moveAtomically(tempFile, target);
            LOG.info("Stored jar {} ({} bytes)", sha, size);
            return sha;
        } catch (IOException e) {
            Files.deleteIfExists(tempFile);
            throw e;
        }
    }

    @Override
    public Path getJar(String sha256) {
        if (sha256 == null) {
            return null;
        }
        String key = sha256.toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(key).matches()) {
            return null;
        }
        Path p = directory.resolve(key + ".jar");
        return Files.isRegularFile(p) ? p : null;
    }

    private static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(source); // a concurrent upload of the same content won
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The blob directory " + target.getParent() + " does not support atomic moves", e);
        }
    }

    /** SHA-256 of a file's content as lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                digest.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
