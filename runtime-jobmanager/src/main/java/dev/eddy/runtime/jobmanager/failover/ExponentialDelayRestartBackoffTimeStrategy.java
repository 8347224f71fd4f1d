package dev.eddy.runtime.jobmanager.failover;

import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * {@code restart-strategy.type: exponential-delay}: the first failure waits the initial backoff,
 * each further one the previous backoff times the multiplier, never more than the max backoff. Each
 * wait moves randomly by up to {@code jitterFactor} of itself. A failure that comes at least the
 * reset threshold after the previous one starts over from the initial backoff and a fresh attempt
 * count; more than {@code attemptsBeforeReset} failures without such a reset fail the job.
 */
public final class ExponentialDelayRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {
    /** The settings, validated. */
    public record Settings(Duration initialBackoff, Duration maxBackoff, double multiplier, Duration resetThreshold,
            double jitterFactor, int attemptsBeforeReset) {
        public Settings {
            require(initialBackoff.toMillis() > 0, "initial-backoff must be positive, was " + initialBackoff);
            require(maxBackoff.compareTo(initialBackoff) >= 0, "max-backoff (" + maxBackoff + ") must not be below initial-backoff (" + initialBackoff + ")");
            require(multiplier >= 1.0, "backoff-multiplier must be at least 1.0, was " + multiplier);
            require(resetThreshold.toMillis() > 0, "reset-backoff-threshold must be positive, was " + resetThreshold);
            require(jitterFactor >= 0.0 && jitterFactor <= 1.0, "jitter-factor must be within [0, 1], was " + jitterFactor);
            require(attemptsBeforeReset >= 1, "attempts-before-reset-backoff must be at least 1, was " + attemptsBeforeReset);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException("restart-strategy.exponential-delay." + message);
            }
        }
    }

    private final Settings settings;
    private final LongSupplier clockMillis;
    private final Random random;
    private long backoffMillis;
    private long lastFailureMillis = -1;
    private int attempts;

    public ExponentialDelayRestartBackoffTimeStrategy(Settings settings, LongSupplier clockMillis, Random random) {
        this.settings = settings;
        this.clockMillis = clockMillis;
        this.random = random;
    }

    @Override
    public void notifyFailure() {
        long now = clockMillis.getAsLong();
        long initial = settings.initialBackoff().toMillis();
        if (lastFailureMillis < 0 || now - lastFailureMillis >= settings.resetThreshold().toMillis()) {
            backoffMillis = initial;
            attempts = 0;
        } else {
            double grown = backoffMillis * settings.multiplier();
            backoffMillis = (long) Math.min(grown, settings.maxBackoff().toMillis());
        }
        attempts++;
        lastFailureMillis = now;
    }

    @Override
    public boolean canRestart() {
        return attempts <= settings.attemptsBeforeReset();
    }

    @Override
    public long getBackoffTime() {
        long jitterRange = (long) (backoffMillis * settings.jitterFactor());
        long jitter = jitterRange == 0 ? 0 : random.nextLong(-jitterRange, jitterRange + 1);
        return Math.max(0, Math.min(settings.maxBackoff().toMillis(), backoffMillis + jitter));
    }

    /** The backoff before jitter; for tests. */
    long currentBackoffMillis() {
        return backoffMillis;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "exponential-delay (initial backoff %s, max backoff %s, multiplier %s, reset threshold %s, "
                + "jitter %s, attempts before reset %d)", Durations.text(settings.initialBackoff()), Durations.text(settings.maxBackoff()),
                settings.multiplier(), Durations.text(settings.resetThreshold()), settings.jitterFactor(), settings.attemptsBeforeReset());
    }
}
