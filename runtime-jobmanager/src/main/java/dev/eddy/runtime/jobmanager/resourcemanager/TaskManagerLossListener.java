package dev.eddy.runtime.jobmanager.resourcemanager;

/**
 * Told by the ResourceManager when a TaskManager that holds slots of the listener's job is lost.
 * Called on the ResourceManager's thread: implementations must only enqueue work on their own
 * executor and return.
 */
@FunctionalInterface
public interface TaskManagerLossListener {
    /**
     * @param taskManagerId the lost TaskManager
     * @param message user-facing cause, e.g. "TaskManager tm-1 (host:port) lost: no heartbeat for 10 s"
     */
    void taskManagerLost(String taskManagerId, String message);
}
