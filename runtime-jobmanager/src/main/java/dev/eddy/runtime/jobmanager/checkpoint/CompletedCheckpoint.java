package dev.eddy.runtime.jobmanager.checkpoint;

import dev.eddy.proto.CheckpointMetadataProto;
import java.nio.file.Path;

/**
 * A checkpoint or savepoint whose {@code _metadata} is written. Immutable.
 *
 * @param metadata  as held in memory: absolute paths (a savepoint's file on disk has relative ones)
 * @param directory the directory holding {@code _metadata}
 */
public record CompletedCheckpoint(CheckpointMetadataProto metadata, Path directory, CheckpointStats stats) {
    public long checkpointId() {
        return metadata.getCheckpointId();
    }

    public boolean isSavepoint() {
        return metadata.getSavepoint();
    }
}
