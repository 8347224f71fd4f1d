package bench.nexmark;

import dev.eddy.api.common.TaskInfo;
import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.state.CheckpointListener;
import dev.eddy.streaming.api.functions.sink.legacy.RichSinkFunction;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts output lines and folds them into an order-independent checksum: the sum (mod 2^64) of a
 * 64-bit hash of each line's UTF-8 bytes (FNV-1a followed by the SplitMix64 finalizer). Equal
 * multisets of lines give equal checksums whatever the parallelism, partitioning or arrival order.
 * Given an output directory, it also writes every line (UTF-8, followed by {@code '\n'}) to a file
 * of its own per subtask there, {@code part-<subtask>-<attempt>}, from which the runner computes a
 * SHA-256 of the sorted output ({@link SortedLinesDigest}).
 *
 * <p>Results go to JVM-wide totals (the embedded cluster of either engine runs in this JVM), which
 * {@link #reset()} clears before a run and the runner reads after {@code execute()} returned.
 * Threading: each sink subtask opens its file in {@link #open}, counts and writes on its own task
 * thread in plain fields, and in {@link #close()} closes the file, adds its counts to the shared
 * atomics once and marks {@link ProcessingSpan#sinkClosed()}; {@link #notifyCheckpointComplete}
 * (task thread) records completed checkpoint ids in a concurrent set.
 */
public class ChecksumSink extends RichSinkFunction<String> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private static final int BUFFER_BYTES = 1 << 16;
    static final AtomicLong LINES = new AtomicLong();
    static final AtomicLong CHECKSUM = new AtomicLong();
    static final Set<Long> CHECKPOINTS = ConcurrentHashMap.newKeySet();

    /** Where to write the lines, or null to only count them (a String: {@link Path} is not serializable). */
    private final String outputDir;
    private transient long lines;
    private transient long sum;
    private transient OutputStream out;

    /** A sink that only counts and checksums. */
    public ChecksumSink() {
        this(null);
    }

    /** A sink that also writes every line to a file per subtask in {@code outputDir}, which must exist. */
    public ChecksumSink(String outputDir) {
        this.outputDir = outputDir;
    }

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
    public void open(OpenContext openContext) throws IOException {
        if (outputDir != null) {
            TaskInfo task = getRuntimeContext().getTaskInfo();
            Path file = Path.of(outputDir, "part-" + task.getIndexOfThisSubtask() + "-" + task.getAttemptNumber());
            out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER_BYTES);
        }
    }

    @Override
    public void invoke(String value, Context context) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        lines++;
        sum += hash(bytes);
        if (out != null) {
            out.write(bytes);
            out.write('\n');
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (out != null) {
                out.close();
                out = null;
            }
        } finally {
            LINES.addAndGet(lines);
            CHECKSUM.addAndGet(sum);
            lines = 0;
            sum = 0;
            ProcessingSpan.sinkClosed();
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        CHECKPOINTS.add(checkpointId);
    }

    /** The 64-bit hash of one line. */
    public static long hash(String line) {
        return hash(line.getBytes(StandardCharsets.UTF_8));
    }

    private static long hash(byte[] utf8) {
        long h = 0xcbf29ce484222325L;
        for (byte b : utf8) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }
}
