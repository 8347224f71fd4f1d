package dev.eddy.api.connector.source;

/**
 * The output a {@link SourceReader} gets in {@code pollNext}. Task thread only.
 *
 * <p>Each split output has its own watermark generator; the source's watermark is the minimum over
 * the split outputs that are not idle (see the runtime's implementation).
 */
public interface ReaderOutput<T> extends SourceOutput<T> {
    /** An output for records of one split. */
    SourceOutput<T> createOutputForSplit(String splitId);

    /** The split is done; its output is no longer used. */
    void releaseOutputForSplit(String splitId);
}
