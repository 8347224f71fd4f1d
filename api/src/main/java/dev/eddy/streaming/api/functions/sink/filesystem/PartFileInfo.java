package dev.eddy.streaming.api.functions.sink.filesystem;

import java.io.IOException;

/** Facts about an open part file, for a {@link RollingPolicy}. */
public interface PartFileInfo<BucketID> {
    BucketID getBucketId();

    /** Processing time when the file was opened. */
    long getCreationTime();

    /** Bytes written so far. */
    long getSize() throws IOException;

    /** Processing time of the last write. */
    long getLastUpdateTime();
}
