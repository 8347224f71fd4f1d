package dev.eddy.runtime.gateway;

import dev.eddy.proto.AcknowledgeCheckpointRequest;
import dev.eddy.proto.DeclineCheckpointRequest;
import dev.eddy.proto.Ack;
import dev.eddy.proto.OperatorEventToCoordinatorRequest;
import dev.eddy.proto.TaskExecutionStateProto;
import java.util.concurrent.CompletableFuture;

/** TaskManager → JobMaster of a job (routed by job id). Thread-safe, non-blocking. */
public interface JobMasterGateway {
    CompletableFuture<Ack> updateTaskExecutionState(TaskExecutionStateProto state);

    /** A task finished its part of a checkpoint (synchronous and asynchronous); carries its state handles. */
    CompletableFuture<Ack> acknowledgeCheckpoint(AcknowledgeCheckpointRequest request);

    /** A task could not take its part of a checkpoint; the checkpoint is aborted. */
    CompletableFuture<Ack> declineCheckpoint(DeclineCheckpointRequest request);

    /**
     * An operator subtask's event for its coordinator (source reader registration, split request,
     * custom source event). Not ok when the attempt is not running or the operator has no
     * coordinator; the event is then dropped.
     */
    default CompletableFuture<Ack> sendOperatorEventToCoordinator(OperatorEventToCoordinatorRequest request) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                getClass().getName() + " does not route operator events to coordinators"));
    }
}
