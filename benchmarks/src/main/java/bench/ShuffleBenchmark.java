package bench;

import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.configuration.Configuration;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.sink.legacy.RichSinkFunction;
import dev.eddy.streaming.api.functions.source.legacy.RichParallelSourceFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Records through a keyed shuffle between two TaskManagers (embedded cluster, 2 TaskManagers × 1
 * slot, parallelism 2: half of the records cross TaskManagers over the network, half stay local).
 *
 * <p>This file is written against Eddy; the Flink twin is the same file with {@code dev.eddy.}
 * replaced by {@code org.apache.flink.} in the imports (benchmarks/flink/pom.xml does it; {@code mvn -Pflink}).
 *
 * <p>Usage: {@code ShuffleBenchmark <engine-name> <records per source subtask> <rate per subtask,
 * 0 = unthrottled> [buffer timeout ms, -1 = default]}. Prints one {@code RESULT} line.
 */
public final class ShuffleBenchmark {
    static final int KEYS = 10_000;
    static final int MAX_SAMPLES = 4_000_000;
    static final Object LOCK = new Object();
    static final List<long[]> SAMPLES = new ArrayList<>();
    static long firstNanos = Long.MAX_VALUE;
    static long lastNanos = Long.MIN_VALUE;
    static long received;

    private ShuffleBenchmark() {}

    public static void main(String[] args) throws Exception {
        String engine = args[0];
        long records = Long.parseLong(args[1]);
        long rate = Long.parseLong(args[2]);
        long bufferTimeout = args.length > 3 ? Long.parseLong(args[3]) : -1;
        Map<String, String> conf = new HashMap<>();
        conf.put("minicluster.number-of-taskmanagers", "2");
        conf.put("taskmanager.numberOfTaskSlots", "1");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Configuration.fromMap(conf));
        env.setParallelism(2);
        if (bufferTimeout >= 0) {
            env.setBufferTimeout(bufferTimeout);
        }
        env.addSource(new Generator(records, rate)).name("generator")
                .keyBy(t -> t.f0)
                .addSink(new LatencySink()).name("latency-sink");
        long start = System.nanoTime();
        env.execute("shuffle-benchmark");
        long wall = System.nanoTime() - start;

        long[] all;
        synchronized (LOCK) {
            all = SAMPLES.stream().flatMapToLong(Arrays::stream).toArray();
        }
        Arrays.sort(all);
        double seconds = (lastNanos - firstNanos) / 1e9;
        System.out.printf("RESULT engine=%s records=%d rate=%d bufferTimeoutMs=%d seconds=%.3f recordsPerSecond=%.0f"
                        + " p50Ms=%.3f p99Ms=%.3f p999Ms=%.3f wallSeconds=%.3f%n",
                engine, received, rate, bufferTimeout, seconds, received / seconds,
                pct(all, 0.50), pct(all, 0.99), pct(all, 0.999), wall / 1e9);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))] / 1e6;
    }

    /** Emits (key, emit time in ns); throttled to {@code rate} records/s when rate > 0. */
    public static final class Generator extends RichParallelSourceFunction<Tuple2<Long, Long>> {
        private static final long serialVersionUID = 1L;
        private final long records;
        private final long rate;
        private volatile boolean running = true;

        Generator(long records, long rate) {
            this.records = records;
            this.rate = rate;
        }

        @Override
        public void run(SourceContext<Tuple2<Long, Long>> ctx) {
            long start = System.nanoTime();
            long key = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
            for (long i = 0; running && i < records; i++) {
                if (rate > 0 && (i & 63) == 0) {
                    long due = start + i * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                key = (key * 6364136223846793005L + 1442695040888963407L);
                ctx.collect(Tuple2.of((key >>> 33) % KEYS, System.nanoTime()));
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Samples end-to-end latency (after a 20% warm-up) and counts records. */
    public static final class LatencySink extends RichSinkFunction<Tuple2<Long, Long>> {
        private static final long serialVersionUID = 1L;
        private transient long[] samples;
        private transient int n;
        private transient long count;
        private transient long first;
        private transient long last;

        @Override
        public void invoke(Tuple2<Long, Long> value, Context context) {
            long now = System.nanoTime();
            if (count == 0) {
                samples = new long[MAX_SAMPLES];
                first = now;
            }
            count++;
            last = now;
            if ((count & 7) == 0 && n < MAX_SAMPLES) {
                samples[n++] = now - value.f1;
            }
        }

        @Override
        public void close() {
            if (count == 0) {
                return;
            }
            synchronized (LOCK) {
                int skip = n / 5;
                SAMPLES.add(Arrays.copyOfRange(samples, skip, n));
                firstNanos = Math.min(firstNanos, first);
                lastNanos = Math.max(lastNanos, last);
                received += count;
            }
        }
    }
}
