package dev.eddy.runtime.jobmanager.checkpoint;

import dev.eddy.proto.OperatorCoordinatorStateProto;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The JobManager-side operator coordinators (source split enumerators) as the
 * {@link CheckpointCoordinator} sees them. A checkpoint first snapshots every coordinator, and
 * only then triggers the source tasks; coordinator state goes into the checkpoint metadata.
 *
 * <p>Threading: called on the JobMaster's thread; the returned future may complete on any thread.
 */
public interface OperatorCoordinatorCheckpoints {
    /**
     * Snapshots every coordinator for checkpoint {@code checkpointId}. Completes once each state is
     * taken and every event a coordinator sent before its snapshot is queued at its task; from the
     * snapshot on, new events to a source subtask are held until {@link #afterSourceTriggered} for
     * it (or the checkpoint ends), so they reach the task after the checkpoint's barrier.
     */
    CompletableFuture<List<OperatorCoordinatorStateProto>> checkpointCoordinators(long checkpointId);

    /** The trigger of {@code checkpointId} is queued at subtask {@code subtask} of source vertex {@code vertexId}. */
    void afterSourceTriggered(long checkpointId, String vertexId, int subtask);

    /** The checkpoint (or savepoint) completed: coordinators are notified, held events released. */
    void checkpointComplete(long checkpointId, boolean savepoint);

    /** The checkpoint was aborted: held events are released. */
    void checkpointAborted(long checkpointId);

    /** No coordinators. */
    OperatorCoordinatorCheckpoints NONE = new OperatorCoordinatorCheckpoints() {
        @Override
        public CompletableFuture<List<OperatorCoordinatorStateProto>> checkpointCoordinators(long checkpointId) {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public void afterSourceTriggered(long checkpointId, String vertexId, int subtask) {}

        @Override
        public void checkpointComplete(long checkpointId, boolean savepoint) {}

        @Override
        public void checkpointAborted(long checkpointId) {}
    };
}
