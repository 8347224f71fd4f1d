package dev.eddy.runtime.operators.coordination;

/**
 * How an operator subtask sends events to its coordinator on the JobManager. Implemented by the
 * TaskManager (one per operator of a task) and by test harnesses.
 *
 * <p>Threading: task thread only. Sending never blocks; events of one subtask arrive at the
 * coordinator in the order they were sent. An event of a subtask attempt that is no longer running
 * is dropped by the JobManager.
 */
public interface OperatorEventGateway {
    void sendEventToCoordinator(OperatorEvent event);
}
