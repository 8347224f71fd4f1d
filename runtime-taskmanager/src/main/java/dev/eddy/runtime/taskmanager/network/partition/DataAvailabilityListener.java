package dev.eddy.runtime.taskmanager.network.partition;

/**
 * Told that a subpartition that its consumer found empty has data (or was released) again. Called
 * from the producing task thread (or a releasing thread) outside any lock; must only hand off
 * (enqueue, schedule on an event loop), never block.
 */
@FunctionalInterface
public interface DataAvailabilityListener {
    void notifyDataAvailable();
}
