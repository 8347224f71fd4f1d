package dev.eddy.api.connector.sink2;

import java.io.IOException;
import java.util.List;

/**
 * A {@link SinkWriter} with state of its own, kept in checkpoints (see {@link SupportsWriterState}).
 * Task thread only.
 */
public interface StatefulSinkWriter<InputT, WriterStateT> extends SinkWriter<InputT> {
    /**
     * The writer's state for checkpoint {@code checkpointId}, taken after the barrier (after
     * {@code prepareCommit} for committing writers). States are split among subtasks on restore.
     */
    List<WriterStateT> snapshotState(long checkpointId) throws IOException;
}
