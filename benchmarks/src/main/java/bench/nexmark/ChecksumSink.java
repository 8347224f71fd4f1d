package bench.nexmark;

import dev.eddy.api.common.state.CheckpointListener;
import dev.eddy.streaming.api.functions.sink.legacy.RichSinkFunction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts output lines and folds them into an order-independent checksum: the sum (mod 2^64) of a
 * 64-bit hash of each line's UTF-8 bytes (FNV-1a followed by the SplitMix64 finalizer). Equal
 * multisets of lines give equal checksums whatever the parallelism, partitioning or arrival order.
 *
 * <p>Results go to JVM-wide totals (the embedded cluster of either engine runs in this JVM), which
 * {@link #reset()} clears before a run and the runner reads after {@code execute()} returned.
 * Threading: each sink subtask counts on its own task thread in plain fields and adds them to the
 * shared atomics once, in {@link #close()}; {@link #notifyCheckpointComplete} (task thread) records
 * completed checkpoint ids in a concurrent set.
 */
public class ChecksumSink extends RichSinkFunction<String> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    static final AtomicLong LINES = new AtomicLong();
    static final AtomicLong CHECKSUM = new AtomicLong();
    static final Set<Long> CHECKPOINTS = ConcurrentHashMap.newKeySet();

    private transient long lines;
    private transient long sum;

    /** Clears the totals; call before building a job whose results are to be read. */
    public static void reset() {
        LINES.set(0);
        CHECKSUM.set(0);
        CHECKPOINTS.clear();
    }

    public static long lines() {
        return LINES.get();
    }

    public static long checksum() {
        return CHECKSUM.get();
    }

    /** How many distinct checkpoints any sink subtask was told had completed. */
    public static int checkpointsCompleted() {
        return CHECKPOINTS.size();
    }

    @Override
    public void invoke(String value, Context context) {
        lines++;
        sum += hash(value);
    }

    @Override
    public void close() {
        LINES.addAndGet(lines);
        CHECKSUM.addAndGet(sum);
        lines = 0;
        sum = 0;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        CHECKPOINTS.add(checkpointId);
    }

    /** The 64-bit hash of one line. */
    public static long hash(String line) {
        long h = 0xcbf29ce484222325L;
        for (byte b : line.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }
}
