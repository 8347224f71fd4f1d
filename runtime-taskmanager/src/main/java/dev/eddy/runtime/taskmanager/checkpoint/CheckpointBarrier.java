package dev.eddy.runtime.taskmanager.checkpoint;

/**
 * The in-band marker that separates the records before checkpoint {@code id} from those after it.
 * Sources emit it when triggered; every task forwards it once it has taken its own snapshot.
 * Immutable.
 */
public record CheckpointBarrier(long id, long timestamp, CheckpointOptions options) {}
