package dev.eddy.runtime.operators.coordination;

/**
 * Implemented by operators that receive events from their coordinator. The task delivers each
 * event as mail: {@link #handleOperatorEvent} runs on the task thread, between records, in the
 * order the coordinator sent the events.
 */
public interface OperatorEventHandler {
    void handleOperatorEvent(OperatorEvent event) throws Exception;
}
