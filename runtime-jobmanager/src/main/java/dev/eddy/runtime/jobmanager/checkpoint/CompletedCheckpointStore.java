package dev.eddy.runtime.jobmanager.checkpoint;

import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.proto.OperatorStateProto;
import dev.eddy.proto.OperatorSubtaskStateProto;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a job's last {@code num-retained} completed checkpoints (never savepoints). Adding one
 * beyond that subsumes the oldest: its {@code chk-n} directory is deleted, and so are the shared
 * (incremental) files it referenced that no retained checkpoint references any more — a reference
 * count over {@code IncrementalStateHandleProto.shared_files}. Only shared files inside this job's
 * own shared directory are ever deleted: files a restored job still references from another job's
 * (or an older run's) checkpoint are left alone. Confined to the JobMaster's thread.
 */
public final class CompletedCheckpointStore {
    private static final Logger LOG = LoggerFactory.getLogger(CompletedCheckpointStore.class);

    private final int numRetained;
    private final Deque<CompletedCheckpoint> retained = new ArrayDeque<>();
    private final Path ownedSharedDirectory;

    /** @param ownedSharedDirectory the job's {@code shared} directory; shared files elsewhere are never deleted */
    public CompletedCheckpointStore(int numRetained, Path ownedSharedDirectory) {
        if (numRetained < 1) {
            throw new IllegalArgumentException("num-retained must be at least 1, got " + numRetained);
        }
        this.numRetained = numRetained;
        this.ownedSharedDirectory = ownedSharedDirectory.toAbsolutePath().normalize();
    }

    /** Adds a completed checkpoint and subsumes (deletes) the oldest ones beyond the retained count. */
    public void add(CompletedCheckpoint checkpoint) {
        if (checkpoint.isSavepoint()) {
            throw new IllegalArgumentException("Savepoint " + checkpoint.directory() + " must not go into the checkpoint store");
        }
        retained.addLast(checkpoint);
        while (retained.size() > numRetained) {
            discard(retained.removeFirst());
        }
    }

    public Optional<CompletedCheckpoint> latest() {
        return Optional.ofNullable(retained.peekLast());
    }

    /** Oldest first. */
    public List<CompletedCheckpoint> all() {
        return List.copyOf(retained);
    }

    /** The job ended and its checkpoints are not kept: deletes every retained checkpoint and its shared files. */
    public void discardAll() {
        while (!retained.isEmpty()) {
            discard(retained.removeFirst());
        }
    }

    private void discard(CompletedCheckpoint old) {
        Set<String> stillReferenced = new HashSet<>();
        for (CompletedCheckpoint c : retained) {
            stillReferenced.addAll(sharedFiles(c));
        }
        for (String shared : sharedFiles(old)) {
            Path p = old.directory().resolve(shared).toAbsolutePath().normalize(); // absolute paths stay as they are
            if (!stillReferenced.contains(shared) && p.startsWith(ownedSharedDirectory)) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("Could not delete shared checkpoint file {} of subsumed checkpoint {}: {}", p, old.checkpointId(), e.toString());
                }
            }
        }
        deleteDirectory(old.directory());
        LOG.debug("Subsumed checkpoint {} ({})", old.checkpointId(), old.directory());
    }

    /** Shared files referenced by the checkpoint's incremental handles. */
    static Set<String> sharedFiles(CompletedCheckpoint c) {
        Set<String> files = new HashSet<>();
        for (OperatorStateProto op : c.metadata().getOperatorsList()) {
            for (OperatorSubtaskStateProto s : op.getSubtasksList()) {
                for (KeyedStateHandleProto h : s.getManagedKeyedList()) {
                    if (h.hasIncremental()) {
                        files.addAll(h.getIncremental().getSharedFilesList());
                    }
                }
            }
        }
        return files;
    }

    /** Deletes a directory tree; missing is fine, other problems are logged. */
    public static void deleteDirectory(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // deleted concurrently: fine
        } catch (IOException e) {
            LOG.warn("Could not delete checkpoint directory {}: {}", dir, e.toString());
        }
    }
}
