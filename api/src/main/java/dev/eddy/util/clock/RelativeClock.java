package dev.eddy.util.clock;

/**
 * A monotonic clock for measuring durations (not wall-clock time). Tests substitute a manual one.
 * Implementations are safe to call from any thread.
 */
public interface RelativeClock {
    /** Milliseconds since some fixed but arbitrary origin; never goes backwards. */
    long relativeTimeMillis();

    /** Nanoseconds since some fixed but arbitrary origin; never goes backwards. */
    default long relativeTimeNanos() {
        return relativeTimeMillis() * 1_000_000L;
    }
}
