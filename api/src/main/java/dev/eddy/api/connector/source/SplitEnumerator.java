package dev.eddy.api.connector.source;

import java.io.IOException;
import java.util.List;

/**
 * Discovers the splits of a {@link Source} and assigns them to readers through its
 * {@link SplitEnumeratorContext}.
 *
 * <p>Threading: all methods are called from one thread (the "coordinator thread"; today the
 * source task thread of each subtask, see the Javadoc of {@code SourceReaderOperator}).
 */
public interface SplitEnumerator<SplitT extends SourceSplit, CheckpointT> extends AutoCloseable {
    /** Starts discovery; called once before any other method. */
    void start();

    /** A reader asks for a split. {@code requesterHostname} may be null. */
    void handleSplitRequest(int subtaskId, String requesterHostname);

    /** Splits assigned to a failed reader are given back for reassignment. */
    void addSplitsBack(List<SplitT> splits, int subtaskId);

    /** A reader registered with the enumerator. */
    void addReader(int subtaskId);

    /** The enumerator's state for a checkpoint. */
    CheckpointT snapshotState(long checkpointId) throws Exception;

    @Override
    void close() throws IOException;

    /** A checkpoint completed; the default does nothing. */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}
}
