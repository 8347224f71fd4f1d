package dev.eddy.runtime.jobmanager.checkpoint;

/**
 * Summary of one completed checkpoint or savepoint.
 *
 * @param durationMillis       from trigger to the written {@code _metadata}
 * @param bytes                sum of the tasks' {@code bytes_written}
 * @param maxAlignmentMillis   the longest barrier alignment of any task
 */
public record CheckpointStats(long checkpointId, boolean savepoint, long triggerTimestamp, long durationMillis, long bytes,
        long maxAlignmentMillis) {}
