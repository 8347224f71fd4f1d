package dev.eddy.util.clock;

import java.time.Duration;

/**
 * A clock that only moves when told to: for tests of time-dependent behaviour (idleness,
 * timeouts). Not thread-safe beyond the visibility of its volatile time.
 */
public final class ManualClock implements RelativeClock {
    private volatile long nanos;

    public ManualClock() {
        this(0);
    }

    public ManualClock(long startNanos) {
        this.nanos = startNanos;
    }

    /** Moves the clock forward by {@code duration} (must not be negative). */
    public void advanceTime(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A clock cannot go backwards, was asked to advance by " + duration);
        }
        nanos += duration.toNanos();
    }

    @Override
    public long relativeTimeMillis() {
        return nanos / 1_000_000L;
    }

    @Override
    public long relativeTimeNanos() {
        return nanos;
    }
}
