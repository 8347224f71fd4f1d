package dev.eddy.api.connector.source.util;

import dev.eddy.api.connector.source.SourceSplit;
import java.io.IOException;

/**
 * Reads the records of one open split for a {@link SplitQueueSourceReader}. Task thread only.
 */
public interface SplitRecordIterator<T, SplitT extends SourceSplit> extends AutoCloseable {
    /**
     * Emits the next record of the split to {@code output}.
     *
     * @return false once the split is exhausted (nothing was emitted)
     */
    boolean emitNext(dev.eddy.api.connector.source.SourceOutput<T> output) throws IOException;

    /** The rest of the split (what is not yet emitted), for a checkpoint. */
    SplitT remainingSplit();

    @Override
    void close() throws IOException;
}
