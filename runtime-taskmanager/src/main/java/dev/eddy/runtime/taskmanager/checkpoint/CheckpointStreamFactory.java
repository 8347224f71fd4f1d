package dev.eddy.runtime.taskmanager.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Creates the files of one subtask's part of one checkpoint: exclusive files in the checkpoint's
 * target directory, and (for incremental RocksDB checkpoints) the job's shared directory. The
 * directories are created on demand; on a multi-host cluster they are on storage all hosts share.
 * Thread-safe.
 */
public final class CheckpointStreamFactory {
    private final Path exclusiveDirectory;
    private final Path sharedDirectory;

    public CheckpointStreamFactory(Path exclusiveDirectory, Path sharedDirectory) {
        this.exclusiveDirectory = exclusiveDirectory;
        this.sharedDirectory = sharedDirectory;
    }

    public static CheckpointStreamFactory forOptions(CheckpointOptions options) {
        return new CheckpointStreamFactory(options.targetDirectory(), options.sharedDirectory());
    }

    /** A new uniquely named file in the exclusive directory; {@code nameHint} makes it readable. */
    public CheckpointOutputStream createExclusiveOutput(String nameHint) throws IOException {
        Files.createDirectories(exclusiveDirectory);
        String safe = nameHint.replaceAll("[^A-Za-z0-9_.-]", "_");
        return new CheckpointOutputStream(exclusiveDirectory.resolve(safe + "-" + UUID.randomUUID()));
    }

    public Path getExclusiveDirectory() {
        return exclusiveDirectory;
    }

    /** The shared directory (created), or null when this checkpoint has none (savepoints). */
    public Path getSharedDirectory() throws IOException {
        if (sharedDirectory != null) {
            Files.createDirectories(sharedDirectory);
        }
        return sharedDirectory;
    }
}
