package dev.eddy.api.connector.source;

import dev.eddy.core.io.InputStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the splits assigned to one parallel subtask of a {@link Source}.
 *
 * <p>Threading: every method is called from the source task thread, never concurrently. A reader
 * must not block in {@link #pollNext}: when it has nothing it returns
 * {@link InputStatus#NOTHING_AVAILABLE} and completes the future of {@link #isAvailable()} once it
 * has data again (that future may be completed from any thread).
 *
 * <p>Lifecycle: {@link #start()} once, then {@link #pollNext}, {@link #addSplits},
 * {@link #notifyNoMoreSplits} and {@link #snapshotState} in any order, then {@link #close()}.
 * Splits restored from a checkpoint are handed to the reader with {@link #addSplits} before
 * {@link #start()}; {@link #snapshotState} is called between two {@link #pollNext} calls and must
 * describe exactly the records not yet emitted.
 */
public interface SourceReader<T, SplitT extends SourceSplit> extends AutoCloseable {
    /** Starts the reader; typically requests splits with {@link SourceReaderContext#sendSplitRequest()}. */
    void start();

    /** Emits zero or more records to the output and says whether more are available. */
    InputStatus pollNext(ReaderOutput<T> output) throws Exception;

    /** Completes when the reader may have data again after returning NOTHING_AVAILABLE. */
    CompletableFuture<Void> isAvailable();

    /** Hands the reader new splits to read. */
    void addSplits(List<SplitT> splits);

    /** No further splits will be assigned to this reader; once the current ones are done, it ends. */
    void notifyNoMoreSplits();

    /** The splits this reader still has to read, with their progress, for a checkpoint. */
    List<SplitT> snapshotState(long checkpointId);

    /** A custom event from the enumerator ({@link SplitEnumeratorContext#sendEventToSourceReader}); the default ignores it. */
    default void handleSourceEvents(SourceEvent sourceEvent) {}

    /** A checkpoint completed; the default does nothing. */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    /** A checkpoint was aborted; the default does nothing. */
    default void notifyCheckpointAborted(long checkpointId) throws Exception {}
}
