package dev.eddy.configuration;

import java.time.Duration;

/**
 * Options of the restart strategy that decides whether and when a failed job restarts, with Flink's
 * key names and defaults. Set them in the job's configuration (or the cluster's).
 */
public final class RestartStrategyOptions {
    private RestartStrategyOptions() {}

    /**
     * {@code none} (aliases {@code off}, {@code disable}), {@code fixed-delay} ({@code fixeddelay}) or
     * {@code exponential-delay} ({@code exponentialdelay}). Unset means {@code none}: there are no
     * checkpoints yet, and Flink does not restart a job without checkpointing unless told to.
     */
    public static final ConfigOption<String> RESTART_STRATEGY = ConfigOptions.key("restart-strategy.type").stringType().noDefaultValue();

    /** fixed-delay: how many times the job restarts before it fails. */
    public static final ConfigOption<Integer> RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS =
            ConfigOptions.key("restart-strategy.fixed-delay.attempts").intType().defaultValue(1);

    /** fixed-delay: the wait between the end of the failed attempt and the restart. */
    public static final ConfigOption<Duration> RESTART_STRATEGY_FIXED_DELAY_DELAY =
            ConfigOptions.key("restart-strategy.fixed-delay.delay").durationType().defaultValue(Duration.ofSeconds(1));

    /** exponential-delay: the wait before the first restart. */
    public static final ConfigOption<Duration> RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF =
            ConfigOptions.key("restart-strategy.exponential-delay.initial-backoff").durationType().defaultValue(Duration.ofSeconds(1));

    /** exponential-delay: the wait never grows beyond this. */
    public static final ConfigOption<Duration> RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF =
            ConfigOptions.key("restart-strategy.exponential-delay.max-backoff").durationType().defaultValue(Duration.ofMinutes(1));

    /** exponential-delay: each further failure multiplies the wait by this (at least 1). */
    public static final ConfigOption<Double> RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER =
            ConfigOptions.key("restart-strategy.exponential-delay.backoff-multiplier").doubleType().defaultValue(1.5);

    /** exponential-delay: a job that ran this long without failing starts again from the initial backoff. */
    public static final ConfigOption<Duration> RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD =
            ConfigOptions.key("restart-strategy.exponential-delay.reset-backoff-threshold").durationType().defaultValue(Duration.ofHours(1));

    /** exponential-delay: each wait is moved randomly by up to this fraction of it, in [0, 1]. */
    public static final ConfigOption<Double> RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR =
            ConfigOptions.key("restart-strategy.exponential-delay.jitter-factor").doubleType().defaultValue(0.1);

    /** exponential-delay: how many restarts are allowed before the backoff is reset. */
    public static final ConfigOption<Integer> RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS =
            ConfigOptions.key("restart-strategy.exponential-delay.attempts-before-reset-backoff").intType().defaultValue(Integer.MAX_VALUE);
}
