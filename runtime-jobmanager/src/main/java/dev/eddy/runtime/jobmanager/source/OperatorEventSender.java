package dev.eddy.runtime.jobmanager.source;

import dev.eddy.runtime.operators.coordination.OperatorEvent;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a coordinator's event to one operator subtask attempt (over the TaskExecutor gateway).
 * Any thread; the future completes on any thread.
 */
@FunctionalInterface
public interface OperatorEventSender {
    /**
     * @return completes with true once the event is queued as mail of the task, false (or
     *     exceptionally) if the attempt does not run there
     */
    CompletableFuture<Boolean> send(String rpcAddress, String executionAttemptId, OperatorEvent event);
}
