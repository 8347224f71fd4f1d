package dev.eddy.streaming.api.functions.sink.filesystem;

import java.io.IOException;
import java.io.Serializable;

/** Decides when a part file is closed and a new one started. Task thread only. */
public interface RollingPolicy<IN, BucketID> extends Serializable {
    /** Whether to roll at a checkpoint (row formats may keep files open across checkpoints). */
    boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFileState) throws IOException;

    /** Whether to roll before writing {@code element}. */
    boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element) throws IOException;

    /** Whether to roll when checked periodically at processing time {@code currentTime}. */
    boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime) throws IOException;
}
