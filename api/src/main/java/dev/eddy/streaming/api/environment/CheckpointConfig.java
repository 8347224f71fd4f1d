package dev.eddy.streaming.api.environment;

import dev.eddy.configuration.CheckpointingOptions;
import dev.eddy.configuration.Configuration;
import dev.eddy.core.execution.CheckpointingMode;
import java.time.Duration;
import java.util.Locale;

/**
 * Checkpoint settings of an environment: a view over its configuration's
 * {@code execution.checkpointing.*} keys ({@link CheckpointingOptions}), so a setting made here and
 * the same key in the configuration are one and the same. Not thread-safe (set up in main).
 */
public final class CheckpointConfig {
    private final Configuration configuration;

    CheckpointConfig(Configuration configuration) {
        this.configuration = configuration;
    }

    public boolean isCheckpointingEnabled() {
        return getCheckpointInterval() > 0;
    }

    /** The interval in ms, or -1 when checkpointing is disabled. */
    public long getCheckpointInterval() {
        return configuration.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL).map(Duration::toMillis).orElse(-1L);
    }

    public void setCheckpointInterval(long checkpointInterval) {
        if (checkpointInterval < 10) {
            throw new IllegalArgumentException("Checkpoint interval must be at least 10 ms, was " + checkpointInterval);
        }
        configuration.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(checkpointInterval));
    }

    public CheckpointingMode getCheckpointingConsistencyMode() {
        return CheckpointingMode.valueOf(configuration.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE).trim()
                .toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public void setCheckpointingConsistencyMode(CheckpointingMode mode) {
        configuration.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, mode.name());
    }

    public long getCheckpointTimeout() {
        return configuration.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT).toMillis();
    }

    public void setCheckpointTimeout(long checkpointTimeout) {
        if (checkpointTimeout < 1) {
            throw new IllegalArgumentException("Checkpoint timeout must be positive, was " + checkpointTimeout);
        }
        configuration.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, Duration.ofMillis(checkpointTimeout));
    }

    public long getMinPauseBetweenCheckpoints() {
        return configuration.get(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS).toMillis();
    }

    public void setMinPauseBetweenCheckpoints(long minPauseBetweenCheckpoints) {
        if (minPauseBetweenCheckpoints < 0) {
            throw new IllegalArgumentException("Min pause must be >= 0, was " + minPauseBetweenCheckpoints);
        }
        configuration.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, Duration.ofMillis(minPauseBetweenCheckpoints));
    }

    public int getMaxConcurrentCheckpoints() {
        return configuration.get(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS);
    }

    public void setMaxConcurrentCheckpoints(int maxConcurrentCheckpoints) {
        if (maxConcurrentCheckpoints < 1) {
            throw new IllegalArgumentException("Max concurrent checkpoints must be >= 1, was " + maxConcurrentCheckpoints);
        }
        configuration.set(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS, maxConcurrentCheckpoints);
    }

    public int getTolerableCheckpointFailureNumber() {
        return configuration.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER);
    }

    public void setTolerableCheckpointFailureNumber(int tolerableCheckpointFailureNumber) {
        if (tolerableCheckpointFailureNumber < 0) {
            throw new IllegalArgumentException("Tolerable failures must be >= 0, was " + tolerableCheckpointFailureNumber);
        }
        configuration.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, tolerableCheckpointFailureNumber);
    }

    /** Sets {@code execution.checkpointing.dir} (a path or file: URI) for this job. */
    public void setCheckpointStorage(String checkpointDirectory) {
        configuration.setString(CheckpointingOptions.CHECKPOINTS_DIRECTORY.key(), checkpointDirectory);
    }
}
