package bench.nexmark;

import dev.eddy.api.common.state.CheckpointListener;
import dev.eddy.streaming.api.functions.sink.legacy.RichSinkFunction;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * Measures end-to-end latency of a throttled run: for each output record, its output time
 * ({@link System#nanoTime()} when the sink receives it) minus the ideal instant of the earliest
 * input that could have produced it, per {@link Pacing}. That input's event time is the record's
 * timestamp plus {@code fireOffsetMs}:
 * <ul>
 *   <li>0 for per-event queries (q1, q1k): the record carries its bid's event time;</li>
 *   <li>{@code 1 + disorderMs} for a tumbling event-time window (q7): its result carries timestamp
 *       {@code windowEnd - 1}, and a watermark lagging the largest timestamp seen by the
 *       out-of-orderness bound {@code disorderMs} first passes {@code windowEnd - 1} when an event
 *       stamped {@code windowEnd + disorderMs} arrives. So the measured latency excludes the wait
 *       for the window to end and for the bound, and includes the periodic watermark interval,
 *       buffering and processing.</li>
 * </ul>
 * Records whose ideal instant lies in the first {@code warmupNanos} of the run are not measured
 * (they are still counted), nor are those past the last input event's timestamp: windows fired by
 * the end of input, not by an event. A record that arrives before its ideal instant (which only a
 * wrong {@code fireOffsetMs} would cause) is recorded as 0 and counted in {@link #early()}.
 *
 * <p>It also counts lines and checksums them like {@link ChecksumSink}, so a throttled run's output
 * can be compared with an unthrottled one's. Without a pacing (an unthrottled run) it only counts.
 *
 * <p>Threading: each subtask records into its own histogram on its task thread and merges it into
 * the JVM-wide total in {@link #close()} (the embedded cluster of either engine runs in this JVM);
 * the runner calls {@link #reset()} before and reads the totals after {@code execute()}.
 */
public class LatencySink extends RichSinkFunction<String> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private static final Histogram TOTAL = new Histogram(3);
    private static final Set<Long> CHECKPOINTS = ConcurrentHashMap.newKeySet();
    private static long lines;
    private static long checksum;
    private static long early;

    private final Pacing pacing;
    private final long fireOffsetMs;
    private final long warmupNanos;
    private final long lastTimestamp;
    private transient Histogram histogram;
    private transient long start;
    private transient long localLines;
    private transient long localSum;
    private transient long localEarly;

    /**
     * @param pacing        the run's pacing, or null to only count (an unthrottled run)
     * @param fireOffsetMs  event time from a record's timestamp to its earliest producing input
     * @param warmupNanos   wall time from the run's start during which records are not measured
     * @param lastTimestamp event time of the last input event
     */
    public LatencySink(Pacing pacing, long fireOffsetMs, long warmupNanos, long lastTimestamp) {
        this.pacing = pacing;
        this.fireOffsetMs = fireOffsetMs;
        this.warmupNanos = warmupNanos;
        this.lastTimestamp = lastTimestamp;
    }

    /** Clears the totals; call before building a job whose results are to be read. */
    public static synchronized void reset() {
        TOTAL.reset();
        CHECKPOINTS.clear();
        lines = 0;
        checksum = 0;
        early = 0;
    }

    /** A copy of the merged latency histogram, in nanoseconds. */
    public static synchronized Histogram histogram() {
        return TOTAL.copy();
    }

    public static synchronized long lines() {
        return lines;
    }

    public static synchronized long checksum() {
        return checksum;
    }

    /** Records that arrived before their ideal instant (recorded as 0). */
    public static synchronized long early() {
        return early;
    }

    public static int checkpointsCompleted() {
        return CHECKPOINTS.size();
    }

    @Override
    public void invoke(String value, Context context) {
        localLines++;
        localSum += ChecksumSink.hash(value);
        Long timestamp = context.timestamp();
        if (pacing == null || timestamp == null) {
            return;
        }
        if (histogram == null) {
            histogram = new Histogram(3);
            start = Pacing.startIfSet();
        }
        long latency = latencyNanos(timestamp, System.nanoTime(), start);
        if (latency == NOT_MEASURED) {
            return;
        }
        if (latency < 0) {
            localEarly++;
            latency = 0;
        }
        histogram.recordValue(latency);
    }

    /** What {@link #latencyNanos} returns for a record in the warm-up or past the input's end. */
    static final long NOT_MEASURED = Long.MIN_VALUE;

    /**
     * The latency of a record stamped {@code timestamp} received at {@code nowNanos} in a run that
     * started at {@code startNanos}, or {@link #NOT_MEASURED}. Negative if it came before its ideal
     * instant.
     */
    long latencyNanos(long timestamp, long nowNanos, long startNanos) {
        long producedBy = timestamp + fireOffsetMs;
        if (producedBy > lastTimestamp || pacing.sinceStartNanos(producedBy) < warmupNanos) {
            return NOT_MEASURED;
        }
        return nowNanos - pacing.idealNanos(startNanos, producedBy);
    }

    @Override
    public void close() {
        synchronized (LatencySink.class) {
            lines += localLines;
            checksum += localSum;
            early += localEarly;
            if (histogram != null) {
                TOTAL.add(histogram);
            }
        }
        localLines = 0;
        localSum = 0;
        localEarly = 0;
        histogram = null;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        CHECKPOINTS.add(checkpointId);
    }
}
