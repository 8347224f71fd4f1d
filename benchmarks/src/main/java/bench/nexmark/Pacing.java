package bench.nexmark;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Maps event time to the ideal wall-clock instant of a throttled run, for latency measurement.
 *
 * <p>A throttled run emits {@code wallEventsPerSecond} events per second of wall time in total,
 * while the generator stamps {@code eventTimeEventsPerSecond} events per second of event time, so
 * event time runs {@link #timeSpeedup()} times faster than wall time (linearly: with a generator
 * disorder of 1 ms events carry no jitter, and event {@code i} has timestamp
 * {@code BASE_TIME + floor(i * 1000 / eventTimeEventsPerSecond)}). The ideal instant of an event
 * time {@code t} is {@code start + (t - BASE_TIME) ms / timeSpeedup} on {@link System#nanoTime()}'s
 * clock, where {@code start} is one JVM-wide instant fixed by the first source subtask that starts
 * ({@link #startNanos()}); the embedded cluster of either engine runs in this JVM, so sources and
 * sinks share it. Event {@code i}'s ideal instant is therefore that of its (millisecond) timestamp:
 * the events of one millisecond of event time are all due at its beginning, at most one event-time
 * millisecond (1 / timeSpeedup ms of wall time) before {@code start + i / wallEventsPerSecond}.
 *
 * <p>Immutable and thread-safe; the start instant is a JVM-wide atomic ({@link #resetStart()}
 * before each run).
 */
public final class Pacing implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long UNSET = Long.MIN_VALUE;
    private static final AtomicLong START = new AtomicLong(UNSET);

    private final long wallEventsPerSecond;
    private final long eventTimeEventsPerSecond;
    /** Wall nanoseconds per millisecond of event time. */
    private final double nanosPerEventMilli;
    private final long warmupNanos;

    /**
     * @param wallEventsPerSecond      total input rate of the run over all source subtasks, &gt; 0
     * @param eventTimeEventsPerSecond the generator's events per second of event time, &gt; 0
     */
    public Pacing(long wallEventsPerSecond, long eventTimeEventsPerSecond) {
        this(wallEventsPerSecond, eventTimeEventsPerSecond, 0);
    }

    /**
     * As {@link #Pacing(long, long)}, with a warm-up: the first {@code warmupNanos} of wall time
     * after the start that the sources' emission lag is not recorded for.
     */
    public Pacing(long wallEventsPerSecond, long eventTimeEventsPerSecond, long warmupNanos) {
        if (wallEventsPerSecond <= 0 || eventTimeEventsPerSecond <= 0) {
            throw new IllegalArgumentException("Pacing needs positive rates, got " + wallEventsPerSecond
                    + " events/s of wall time and " + eventTimeEventsPerSecond + " events/s of event time");
        }
        this.wallEventsPerSecond = wallEventsPerSecond;
        this.eventTimeEventsPerSecond = eventTimeEventsPerSecond;
        this.nanosPerEventMilli = 1e6 * eventTimeEventsPerSecond / wallEventsPerSecond;
        this.warmupNanos = warmupNanos;
    }

    /** Wall time after the start during which the sources' emission lag is not recorded. */
    public long warmupNanos() {
        return warmupNanos;
    }

    public long wallEventsPerSecond() {
        return wallEventsPerSecond;
    }

    /** How many times faster than wall time event time advances. */
    public double timeSpeedup() {
        return (double) wallEventsPerSecond / eventTimeEventsPerSecond;
    }

    /** The ideal {@link System#nanoTime()} instant of event time {@code timestampMs} for a run started at {@code startNanos}. */
    public long idealNanos(long startNanos, long timestampMs) {
        return startNanos + Math.round((timestampMs - NexmarkGenerator.BASE_TIME) * nanosPerEventMilli);
    }

    /** Wall nanoseconds after the start that event time {@code timestampMs} ideally occurs. */
    public long sinceStartNanos(long timestampMs) {
        return idealNanos(0, timestampMs);
    }

    /**
     * The run's JVM-wide start instant: the first caller fixes it to its own {@code nanoTime()}
     * (the first source subtask to run), later callers get the same value. Any thread.
     */
    public static long startNanos() {
        long start = START.get();
        if (start != UNSET) {
            return start;
        }
        START.compareAndSet(UNSET, System.nanoTime());
        return START.get();
    }

    /** The start instant if some source has fixed it, else {@link Long#MIN_VALUE}. Any thread. */
    static long startIfSet() {
        return START.get();
    }

    /** Forgets the start instant; call before building a throttled job. */
    public static void resetStart() {
        START.set(UNSET);
    }
}
