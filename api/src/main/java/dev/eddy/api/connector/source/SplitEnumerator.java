package dev.eddy.api.connector.source;

import dev.eddy.api.common.state.CheckpointListener;
import java.io.IOException;
import java.util.List;

/**
 * Discovers the splits of a {@link Source} and assigns them to readers through its
 * {@link SplitEnumeratorContext}.
 *
 * <p>Threading: one enumerator per source runs on the JobManager, in the source's coordinator
 * (see {@code dev.eddy.runtime.jobmanager.source.SourceCoordinator}); all its methods are called
 * from that coordinator's single thread, never concurrently. Slow work (listing files, asking a
 * broker) belongs in {@link SplitEnumeratorContext#callAsync}, not in these methods.
 *
 * <p>Lifecycle: created by {@link Source#createEnumerator} or {@link Source#restoreEnumerator},
 * {@link #start()} once, then the other methods in any order, {@link #close()} at the end of the
 * job or when a failed enumerator is replaced.
 */
public interface SplitEnumerator<SplitT extends SourceSplit, CheckpointT> extends AutoCloseable, CheckpointListener {
    /** Starts discovery; called once before any other method. */
    void start();

    /** A reader asks for a split. {@code requesterHostname} may be null. */
    void handleSplitRequest(int subtaskId, String requesterHostname);

    /**
     * Splits assigned to a reader since the last checkpoint it restores from are given back,
     * because that reader failed before it could checkpoint them.
     */
    void addSplitsBack(List<SplitT> splits, int subtaskId);

    /** A reader registered with the enumerator. */
    void addReader(int subtaskId);

    /** The enumerator's state for a checkpoint. */
    CheckpointT snapshotState(long checkpointId) throws Exception;

    @Override
    void close() throws IOException;

    /** A checkpoint completed; the default does nothing. */
    @Override
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    /** A reader sent a custom event ({@link SourceReaderContext#sendSourceEventToCoordinator}); the default ignores it. */
    default void handleSourceEvent(int subtaskId, SourceEvent sourceEvent) {}
}
