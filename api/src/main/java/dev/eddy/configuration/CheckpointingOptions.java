package dev.eddy.configuration;

import java.time.Duration;

/**
 * Checkpointing options with Flink 2.x's key names. Set in the job's configuration (also through
 * {@code StreamExecutionEnvironment.enableCheckpointing} and {@code CheckpointConfig}) or in the
 * cluster's config.yaml. Checkpointing is off unless an interval is set.
 */
public final class CheckpointingOptions {
    private CheckpointingOptions() {}

    /** Time between the starts of two periodic checkpoints; unset: checkpointing disabled. */
    public static final ConfigOption<Duration> CHECKPOINTING_INTERVAL =
            ConfigOptions.key("execution.checkpointing.interval").durationType().noDefaultValue();

    /** EXACTLY_ONCE (barriers are aligned) or AT_LEAST_ONCE (no alignment). */
    public static final ConfigOption<String> CHECKPOINTING_CONSISTENCY_MODE =
            ConfigOptions.key("execution.checkpointing.mode").stringType().defaultValue("EXACTLY_ONCE");

    /** A checkpoint not completed within this time is aborted. */
    public static final ConfigOption<Duration> CHECKPOINTING_TIMEOUT =
            ConfigOptions.key("execution.checkpointing.timeout").durationType().defaultValue(Duration.ofMinutes(10));

    /** Least time between the end of one checkpoint and the start of the next. */
    public static final ConfigOption<Duration> MIN_PAUSE_BETWEEN_CHECKPOINTS =
            ConfigOptions.key("execution.checkpointing.min-pause").durationType().defaultValue(Duration.ZERO);

    /** How many checkpoints may be in progress at once. */
    public static final ConfigOption<Integer> MAX_CONCURRENT_CHECKPOINTS =
            ConfigOptions.key("execution.checkpointing.max-concurrent-checkpoints").intType().defaultValue(1);

    /** How many consecutive checkpoint failures are tolerated before the job fails (and restarts). */
    public static final ConfigOption<Integer> TOLERABLE_FAILURE_NUMBER =
            ConfigOptions.key("execution.checkpointing.tolerable-failed-checkpoints").intType().defaultValue(0);

    /** How many completed checkpoints are kept. */
    public static final ConfigOption<Integer> MAX_RETAINED_CHECKPOINTS =
            ConfigOptions.key("execution.checkpointing.num-retained").intType().defaultValue(1);

    /**
     * Root directory of checkpoints ({@code <dir>/<jobId>/chk-<n>}, {@code <dir>/<jobId>/shared}).
     * Must be shared by all hosts of a multi-host cluster. Unset: {@code <java.io.tmpdir>/eddy-checkpoints}
     * (enough for one host; Flink keeps checkpoints in JobManager memory instead).
     */
    public static final ConfigOption<String> CHECKPOINTS_DIRECTORY =
            ConfigOptions.key("execution.checkpointing.dir").stringType().noDefaultValue();

    /** Default target directory of savepoints. */
    public static final ConfigOption<String> SAVEPOINT_DIRECTORY =
            ConfigOptions.key("execution.checkpointing.savepoint-dir").stringType().noDefaultValue();

    /**
     * RocksDB: checkpoints upload only new SST files. Eddy default true (Flink: false): it is what
     * makes large-state checkpoints cheap, and the shared files are reference-counted.
     */
    public static final ConfigOption<Boolean> INCREMENTAL_CHECKPOINTS =
            ConfigOptions.key("execution.checkpointing.incremental").booleanType().defaultValue(true);

    /** What happens to retained checkpoints when the job is cancelled: RETAIN_ON_CANCELLATION or DELETE_ON_CANCELLATION. */
    public static final ConfigOption<String> EXTERNALIZED_CHECKPOINT_RETENTION =
            ConfigOptions.key("execution.checkpointing.externalized-checkpoint-retention").stringType()
                    .defaultValue("NO_EXTERNALIZED_CHECKPOINTS");

    /** Restore the job from this savepoint or retained checkpoint path (as {@code eddy run -s}). */
    public static final ConfigOption<String> SAVEPOINT_PATH =
            ConfigOptions.key("execution.state-recovery.path").stringType().noDefaultValue();

    /** Skip savepoint state that maps to no operator instead of failing the restore. */
    public static final ConfigOption<Boolean> SAVEPOINT_IGNORE_UNCLAIMED_STATE =
            ConfigOptions.key("execution.state-recovery.ignore-unclaimed-state").booleanType().defaultValue(false);
}
