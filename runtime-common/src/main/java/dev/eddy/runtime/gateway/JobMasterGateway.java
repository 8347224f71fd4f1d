package dev.eddy.runtime.gateway;

import dev.eddy.proto.Ack;
import dev.eddy.proto.TaskExecutionStateProto;
import java.util.concurrent.CompletableFuture;

/** TaskManager → JobMaster of a job (routed by job id). Thread-safe, non-blocking. */
public interface JobMasterGateway {
    CompletableFuture<Ack> updateTaskExecutionState(TaskExecutionStateProto state);
}
