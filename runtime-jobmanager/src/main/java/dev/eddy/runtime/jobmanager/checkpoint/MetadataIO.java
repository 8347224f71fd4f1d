package dev.eddy.runtime.jobmanager.checkpoint;

import dev.eddy.proto.CheckpointMetadataProto;
import dev.eddy.proto.IncrementalStateHandleProto;
import dev.eddy.proto.KeyGroupsStateHandleProto;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.proto.OperatorStateProto;
import dev.eddy.proto.OperatorSubtaskStateProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;

/**
 * Reads and writes the {@code _metadata} file of a checkpoint or savepoint directory. Stateless;
 * callable from any thread (the JobMaster calls it on its own thread).
 *
 * <p>Writes are atomic: the bytes go to a temporary file in the same directory, which is then moved
 * over {@code _metadata} with {@link StandardCopyOption#ATOMIC_MOVE}, so a reader never sees a
 * half-written file and a directory without {@code _metadata} is an incomplete checkpoint.
 *
 * <p>Savepoints are self-contained: {@link #write} with {@code relativize} stores every state file
 * path under the directory relative to it, so the directory can be moved; {@link Loaded#baseDirectory()}
 * is what relative paths resolve against on restore.
 */
public final class MetadataIO {
    public static final String METADATA_FILE = "_metadata";
    public static final int FORMAT_VERSION = 1;

    private MetadataIO() {}

    /** A read metadata file and the directory it lives in. */
    public record Loaded(CheckpointMetadataProto metadata, Path baseDirectory) {}

    /**
     * Writes {@code metadata} to {@code directory/_metadata} atomically (creating the directory).
     * With {@code relativize}, absolute paths of files under {@code directory} are stored relative.
     */
    public static Path write(Path directory, CheckpointMetadataProto metadata, boolean relativize) throws IOException {
        Files.createDirectories(directory);
        CheckpointMetadataProto toWrite = relativize ? relativize(metadata, directory) : metadata;
        Path target = directory.resolve(METADATA_FILE);
        Path temp = Files.createTempFile(directory, "._metadata", ".inprogress");
        try {
            Files.write(temp, toWrite.toByteArray());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    /**
     * Reads a checkpoint or savepoint given as its directory or its {@code _metadata} file.
     *
     * @throws IllegalArgumentException saying what is wrong with the path and what is expected
     */
    public static Loaded read(String pathText) {
        if (pathText == null || pathText.isBlank()) {
            throw new IllegalArgumentException("No savepoint path given; pass a savepoint or retained checkpoint directory or its _metadata file");
        }
        Path path = StoragePaths.toPath(pathText);
        Path file = Files.isDirectory(path) ? path.resolve(METADATA_FILE) : path;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(Files.isDirectory(path)
                    ? "Cannot restore from '" + pathText + "': the directory has no " + METADATA_FILE
                            + " file (an incomplete or deleted checkpoint?); pass a completed savepoint or checkpoint directory"
                    : "Cannot restore from '" + pathText + "': no such file or directory; pass a savepoint or retained checkpoint directory");
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot restore from '" + pathText + "': could not read " + file + ": " + e, e);
        }
        CheckpointMetadataProto metadata;
        try {
            metadata = CheckpointMetadataProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("Cannot restore from '" + pathText + "': " + file + " is not checkpoint metadata ("
                    + e.getMessage() + ")", e);
        }
        if (metadata.getFormatVersion() != FORMAT_VERSION) {
            throw new IllegalArgumentException("Cannot restore from '" + pathText + "': metadata format version "
                    + metadata.getFormatVersion() + " is not supported (expected " + FORMAT_VERSION + ")");
        }
        return new Loaded(metadata, file.getParent());
    }

    /** Rewrites absolute paths under {@code base} to paths relative to it; other paths stay. */
    static CheckpointMetadataProto relativize(CheckpointMetadataProto metadata, Path base) {
        Path normalizedBase = base.toAbsolutePath().normalize();
        return mapPaths(metadata, p -> {
            Path path = Path.of(p);
            if (path.isAbsolute() && path.normalize().startsWith(normalizedBase)) {
                return normalizedBase.relativize(path.normalize()).toString();
            }
            return p;
        });
    }

    /** Applies {@code f} to every file path inside the metadata's state handles. */
    static CheckpointMetadataProto mapPaths(CheckpointMetadataProto metadata, UnaryOperator<String> f) {
        CheckpointMetadataProto.Builder b = metadata.toBuilder().clearOperators();
        for (OperatorStateProto op : metadata.getOperatorsList()) {
            OperatorStateProto.Builder ob = op.toBuilder().clearSubtasks();
            for (OperatorSubtaskStateProto s : op.getSubtasksList()) {
                ob.addSubtasks(mapPaths(s, f));
            }
            b.addOperators(ob);
        }
        return b.build();
    }

    static OperatorSubtaskStateProto mapPaths(OperatorSubtaskStateProto s, UnaryOperator<String> f) {
        OperatorSubtaskStateProto.Builder sb = s.toBuilder().clearManagedKeyed().clearRawKeyed();
        for (KeyedStateHandleProto h : s.getManagedKeyedList()) {
            if (h.hasKeyGroups()) {
                sb.addManagedKeyed(KeyedStateHandleProto.newBuilder().setKeyGroups(mapPaths(h.getKeyGroups(), f)));
            } else if (h.hasIncremental()) {
                IncrementalStateHandleProto inc = h.getIncremental();
                IncrementalStateHandleProto.Builder ib = inc.toBuilder().clearSharedFiles().clearPrivateFiles();
                inc.getSharedFilesList().forEach(p -> ib.addSharedFiles(f.apply(p)));
                inc.getPrivateFilesList().forEach(p -> ib.addPrivateFiles(f.apply(p)));
                sb.addManagedKeyed(KeyedStateHandleProto.newBuilder().setIncremental(ib));
            } else {
                sb.addManagedKeyed(h);
            }
        }
        for (KeyGroupsStateHandleProto h : s.getRawKeyedList()) {
            sb.addRawKeyed(mapPaths(h, f));
        }
        return sb.build();
    }

    private static KeyGroupsStateHandleProto mapPaths(KeyGroupsStateHandleProto h, UnaryOperator<String> f) {
        return h.toBuilder().setPath(f.apply(h.getPath())).build();
    }

    /** For callers that cannot throw checked exceptions. */
    static Path writeUnchecked(Path directory, CheckpointMetadataProto metadata, boolean relativize) {
        try {
            return write(directory, metadata, relativize);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + directory.resolve(METADATA_FILE) + ": " + e, e);
        }
    }
}
