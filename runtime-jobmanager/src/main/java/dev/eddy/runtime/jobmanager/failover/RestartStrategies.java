package dev.eddy.runtime.jobmanager.failover;

import static dev.eddy.configuration.RestartStrategyOptions.*;

import dev.eddy.configuration.Configuration;
import java.util.Locale;
import java.util.Random;

/** Builds a job's {@link RestartBackoffTimeStrategy} from its configuration (Flink's keys). */
public final class RestartStrategies {
    private RestartStrategies() {}

    /**
     * The strategy named by {@code restart-strategy.type} (unset: none, checkpointing not considered).
     *
     * @throws IllegalArgumentException naming the key and the accepted values if a value is bad
     */
    public static RestartBackoffTimeStrategy fromConfiguration(Configuration config) {
        return fromConfiguration(config, false);
    }

    /**
     * As {@link #fromConfiguration(Configuration)}, but with periodic checkpointing enabled an unset
     * {@code restart-strategy.type} means exponential-delay with its defaults (as in Flink 2.x).
     */
    public static RestartBackoffTimeStrategy fromConfiguration(Configuration config, boolean checkpointingEnabled) {
        String type = config.getOptional(RESTART_STRATEGY).orElse(checkpointingEnabled ? "exponential-delay" : "none")
                .trim().toLowerCase(Locale.ROOT);
        switch (type) {
            case "none", "off", "disable" -> {
                return NoRestartBackoffTimeStrategy.INSTANCE;
            }
            case "fixed-delay", "fixeddelay" -> {
                return new FixedDelayRestartBackoffTimeStrategy(config.get(RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS),
                        config.get(RESTART_STRATEGY_FIXED_DELAY_DELAY));
            }
            case "exponential-delay", "exponentialdelay" -> {
                var settings = new ExponentialDelayRestartBackoffTimeStrategy.Settings(
                        config.get(RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF),
                        config.get(RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF),
                        config.get(RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER),
                        config.get(RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD),
                        config.get(RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR),
                        config.get(RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS));
                return new ExponentialDelayRestartBackoffTimeStrategy(settings, System::currentTimeMillis, new Random());
            }
            case "failure-rate", "failurerate" -> throw new IllegalArgumentException("The failure-rate restart strategy ("
                    + RESTART_STRATEGY.key() + ") is not supported yet; use fixed-delay or exponential-delay");
            default -> throw new IllegalArgumentException("Unknown restart strategy '" + config.get(RESTART_STRATEGY) + "' in "
                    + RESTART_STRATEGY.key() + "; use none (off, disable), fixed-delay (fixeddelay) or exponential-delay (exponentialdelay)");
        }
    }
}
