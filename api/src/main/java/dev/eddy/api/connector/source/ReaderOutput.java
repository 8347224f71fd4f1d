package dev.eddy.api.connector.source;

/**
 * The output a {@link SourceReader} gets in {@code pollNext}. Task thread only.
 *
 * <p>Per-split outputs (for per-split watermarks) currently all share the reader-wide output.
 */
public interface ReaderOutput<T> extends SourceOutput<T> {
    /** An output for records of one split. */
    SourceOutput<T> createOutputForSplit(String splitId);

    /** The split is done; its output is no longer used. */
    void releaseOutputForSplit(String splitId);
}
