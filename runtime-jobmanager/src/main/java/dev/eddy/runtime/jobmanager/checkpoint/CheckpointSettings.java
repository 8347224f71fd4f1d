package dev.eddy.runtime.jobmanager.checkpoint;

import static dev.eddy.configuration.CheckpointingOptions.*;

import dev.eddy.configuration.ConfigOption;
import dev.eddy.configuration.Configuration;
import dev.eddy.proto.JobGraphProto;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A job's checkpointing settings, read from its configuration ({@link dev.eddy.configuration.CheckpointingOptions},
 * Flink's keys). Immutable.
 *
 * @param interval          time between periodic checkpoint starts; null: periodic checkpoints are off
 * @param checkpointsRoot   {@code execution.checkpointing.dir}; a job's checkpoints go to {@code <root>/<jobId>/chk-<n>}
 * @param savepointDir      default savepoint directory; null if unset
 * @param restorePath       savepoint / checkpoint to restore at first start; null if none
 * @param retention         what happens to retained checkpoints when the job ends
 */
public record CheckpointSettings(
        Duration interval,
        boolean exactlyOnce,
        Duration timeout,
        Duration minPause,
        int maxConcurrent,
        int tolerableFailures,
        int numRetained,
        Path checkpointsRoot,
        String savepointDir,
        boolean incremental,
        String restorePath,
        boolean allowNonRestoredState,
        Retention retention) {

    /** {@code execution.checkpointing.externalized-checkpoint-retention}, with Flink's values and semantics. */
    public enum Retention {
        /** Retained checkpoints are deleted when the job ends in any way (Flink's default). */
        NO_EXTERNALIZED_CHECKPOINTS,
        /** Kept when the job is cancelled or fails; deleted when it finishes. */
        RETAIN_ON_CANCELLATION,
        /** Kept when the job fails; deleted when it is cancelled or finishes. */
        DELETE_ON_CANCELLATION;

        /** Whether retained checkpoints are deleted when the job ends in {@code finalState} (FINISHED, CANCELED, FAILED). */
        public boolean discardsOn(String finalState) {
            return switch (this) {
                case NO_EXTERNALIZED_CHECKPOINTS -> true;
                case RETAIN_ON_CANCELLATION -> finalState.equals("FINISHED");
                case DELETE_ON_CANCELLATION -> !finalState.equals("FAILED");
            };
        }
    }

    /** The shortest accepted checkpoint interval (as Flink). */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(10);

    /** Whether periodic checkpoints are on. */
    public boolean periodic() {
        return interval != null;
    }

    /**
     * Reads and validates the settings of a job: its configuration, plus {@code savepoint_path} and
     * {@code allow_non_restored_state} of the job graph (which win over the configuration keys).
     *
     * @throws IllegalArgumentException naming the key, the bad value and what is accepted
     */
    public static CheckpointSettings fromJobGraph(JobGraphProto jobGraph) {
        Configuration config = Configuration.fromMap(jobGraph.getJobConfigurationMap());
        CheckpointSettings s = fromConfiguration(config);
        String restore = jobGraph.getSavepointPath().isBlank() ? s.restorePath : jobGraph.getSavepointPath().trim();
        boolean allow = jobGraph.getAllowNonRestoredState() || s.allowNonRestoredState;
        return new CheckpointSettings(s.interval, s.exactlyOnce, s.timeout, s.minPause, s.maxConcurrent, s.tolerableFailures,
                s.numRetained, s.checkpointsRoot, s.savepointDir, s.incremental, restore, allow, s.retention);
    }

    /** @throws IllegalArgumentException naming the key, the bad value and what is accepted */
    public static CheckpointSettings fromConfiguration(Configuration config) {
        Duration interval = read(config, CHECKPOINTING_INTERVAL).orElse(null);
        if (interval != null && interval.compareTo(MIN_INTERVAL) < 0) {
            throw bad(CHECKPOINTING_INTERVAL, config, "must be at least 10 ms (leave it unset to disable periodic checkpoints)");
        }
        String mode = config.get(CHECKPOINTING_CONSISTENCY_MODE).trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (!mode.equals("EXACTLY_ONCE") && !mode.equals("AT_LEAST_ONCE")) {
            throw bad(CHECKPOINTING_CONSISTENCY_MODE, config, "use EXACTLY_ONCE or AT_LEAST_ONCE");
        }
        Duration timeout = config.get(CHECKPOINTING_TIMEOUT);
        if (timeout.compareTo(MIN_INTERVAL) < 0) {
            throw bad(CHECKPOINTING_TIMEOUT, config, "must be at least 10 ms");
        }
        Duration minPause = config.get(MIN_PAUSE_BETWEEN_CHECKPOINTS);
        if (minPause.isNegative()) {
            throw bad(MIN_PAUSE_BETWEEN_CHECKPOINTS, config, "must not be negative");
        }
        int maxConcurrent = config.get(MAX_CONCURRENT_CHECKPOINTS);
        if (maxConcurrent < 1) {
            throw bad(MAX_CONCURRENT_CHECKPOINTS, config, "must be at least 1");
        }
        int tolerable = config.get(TOLERABLE_FAILURE_NUMBER);
        if (tolerable < 0) {
            throw bad(TOLERABLE_FAILURE_NUMBER, config, "must be 0 or more");
        }
        int retained = config.get(MAX_RETAINED_CHECKPOINTS);
        if (retained < 1) {
            throw bad(MAX_RETAINED_CHECKPOINTS, config, "must be at least 1");
        }
        Path root = StoragePaths.toPath(read(config, CHECKPOINTS_DIRECTORY).filter(d -> !d.isBlank())
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "eddy-checkpoints").toString()));
        String savepointDir = read(config, SAVEPOINT_DIRECTORY).filter(d -> !d.isBlank()).orElse(null);
        String retentionText = config.get(EXTERNALIZED_CHECKPOINT_RETENTION).trim().toUpperCase(Locale.ROOT).replace('-', '_');
        Retention retention;
        try {
            retention = Retention.valueOf(retentionText);
        } catch (IllegalArgumentException e) {
            throw bad(EXTERNALIZED_CHECKPOINT_RETENTION, config,
                    "use NO_EXTERNALIZED_CHECKPOINTS, RETAIN_ON_CANCELLATION or DELETE_ON_CANCELLATION");
        }
        String restore = read(config, SAVEPOINT_PATH).filter(d -> !d.isBlank()).map(String::trim).orElse(null);
        return new CheckpointSettings(interval, mode.equals("EXACTLY_ONCE"), timeout, minPause, maxConcurrent, tolerable, retained,
                root, savepointDir, read(config, INCREMENTAL_CHECKPOINTS).orElse(true), restore,
                read(config, SAVEPOINT_IGNORE_UNCLAIMED_STATE).orElse(false), retention);
    }

    /** {@code <root>/<jobId>}. */
    public Path jobDirectory(String jobId) {
        return checkpointsRoot.resolve(jobId);
    }

    private static <T> Optional<T> read(Configuration config, ConfigOption<T> option) {
        try {
            return config.getOptional(option);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Bad checkpoint setting " + option.key() + ": " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException bad(ConfigOption<?> option, Configuration config, String rule) {
        return new IllegalArgumentException("Bad checkpoint setting " + option.key() + " = '" + config.getString(option.key(), "")
                + "': " + rule);
    }
}
