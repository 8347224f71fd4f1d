package dev.eddy.runtime.gateway;

import dev.eddy.proto.AcknowledgeCheckpointRequest;
import dev.eddy.proto.DeclineCheckpointRequest;
import dev.eddy.proto.Ack;
import dev.eddy.proto.TaskExecutionStateProto;
import java.util.concurrent.CompletableFuture;

/** TaskManager → JobMaster of a job (routed by job id). Thread-safe, non-blocking. */
public interface JobMasterGateway {
    CompletableFuture<Ack> updateTaskExecutionState(TaskExecutionStateProto state);

    /** A task finished its part of a checkpoint (synchronous and asynchronous); carries its state handles. */
    CompletableFuture<Ack> acknowledgeCheckpoint(AcknowledgeCheckpointRequest request);

    /** A task could not take its part of a checkpoint; the checkpoint is aborted. */
    CompletableFuture<Ack> declineCheckpoint(DeclineCheckpointRequest request);
}
