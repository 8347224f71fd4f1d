package dev.eddy.util.clock;

/** The JVM's monotonic clock ({@link System#nanoTime()}). Thread-safe, stateless. */
public final class SystemClock implements RelativeClock {
    private static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {}

    public static SystemClock getInstance() {
        return INSTANCE;
    }

    @Override
    public long relativeTimeMillis() {
        return System.nanoTime() / 1_000_000L;
    }

    @Override
    public long relativeTimeNanos() {
        return System.nanoTime();
    }
}
