package dev.eddy.runtime.jobmanager.failover;

import java.time.Duration;

/** {@code restart-strategy.type: fixed-delay}: up to {@code attempts} restarts, each after the same delay. */
public final class FixedDelayRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {
    private final int maxAttempts;
    private final long delayMillis;
    private int failures;

    public FixedDelayRestartBackoffTimeStrategy(int maxAttempts, Duration delay) {
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("restart-strategy.fixed-delay.attempts must be 0 or more, was " + maxAttempts);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("restart-strategy.fixed-delay.delay must not be negative, was " + delay);
        }
        this.maxAttempts = maxAttempts;
        this.delayMillis = delay.toMillis();
    }

    @Override
    public void notifyFailure() {
        failures++;
    }

    @Override
    public boolean canRestart() {
        return failures <= maxAttempts;
    }

    @Override
    public long getBackoffTime() {
        return delayMillis;
    }

    @Override
    public String description() {
        return "fixed-delay (attempts " + maxAttempts + ", delay " + Durations.text(Duration.ofMillis(delayMillis)) + ")";
    }
}
