package bench.nexmark;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The span of a run that excludes cluster start-up and shut-down: from the moment the first source
 * subtask is about to emit its first event to the moment the last sink subtask has closed (its output
 * flushed). Throughput over this span compares the engines' processing rather than their cluster
 * start-up, which dominates short runs (and takes longer on Flink).
 *
 * <p>JVM-wide, like {@link ChecksumSink}'s totals: the embedded cluster of either engine runs in
 * the runner's JVM. {@link #reset()} before building a job; {@link #firstEvent()} from source task
 * threads, {@link #sinkClosed()} from sink task threads, any number of times and concurrently (the
 * earliest and the latest call win, so a restarted subtask does not move the span's ends inward);
 * {@link #seconds()} after {@code execute()} returned.
 */
public final class ProcessingSpan {
    private static final AtomicLong FIRST_EVENT = new AtomicLong(Long.MAX_VALUE);
    private static final AtomicLong LAST_SINK_CLOSE = new AtomicLong(Long.MIN_VALUE);

    private ProcessingSpan() {}

    /** Forgets the previous run's span. */
    public static void reset() {
        FIRST_EVENT.set(Long.MAX_VALUE);
        LAST_SINK_CLOSE.set(Long.MIN_VALUE);
    }

    /** A source subtask is about to emit its first event. */
    public static void firstEvent() {
        FIRST_EVENT.accumulateAndGet(System.nanoTime(), Math::min);
    }

    /** A sink subtask has closed. */
    public static void sinkClosed() {
        LAST_SINK_CLOSE.accumulateAndGet(System.nanoTime(), Math::max);
    }

    /** Seconds from the first event to the last sink close, or NaN if either end was not seen. */
    public static double seconds() {
        long first = FIRST_EVENT.get();
        long last = LAST_SINK_CLOSE.get();
        if (first == Long.MAX_VALUE || last == Long.MIN_VALUE) {
            return Double.NaN;
        }
        return (last - first) / 1e9;
    }
}
