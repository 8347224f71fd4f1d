package dev.eddy.it.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.functions.RichMapFunction;
import dev.eddy.api.common.state.CheckpointListener;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.configuration.Configuration;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.KeyedProcessFunction;
import dev.eddy.streaming.api.functions.sink.legacy.SinkFunction;
import dev.eddy.util.Collector;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exactly-once state on a real mini-cluster: a keyed counting job (count and sum per key) with
 * checkpoints every 100 ms is made to fail at random points (seeded) after a checkpoint completed;
 * it restarts from the latest checkpoint and replays. The sink may see replayed updates, but the
 * largest count emitted for each key must be exactly the key's number of records, and its sum the
 * exact sum: a lost update would leave it short, a double-counted one would overshoot.
 */
class ExactlyOnceRecoveryTest {
    static final int RECORDS = 120_000;
    static final int KEYS = 40;
    static final AtomicInteger FAILURES = new AtomicInteger();
    static final AtomicLong COMPLETED_CHECKPOINTS = new AtomicLong();
    static final Map<Long, long[]> LATEST = new ConcurrentHashMap<>();

    @ParameterizedTest(name = "backend {0}, seed {1}")
    @CsvSource({"hashmap, 1", "hashmap, 2", "hashmap, 3", "rocksdb, 1", "rocksdb, 2", "rocksdb, 3"})
    void countsAreExactDespiteFailures(String backend, long seed) throws Exception {
        FAILURES.set(0);
        COMPLETED_CHECKPOINTS.set(0);
        LATEST.clear();
        Random random = new Random(seed);
        int failuresToInject = 2;
        long[] thresholds = new long[failuresToInject];
        for (int i = 0; i < failuresToInject; i++) {
            thresholds[i] = 1_000 + random.nextInt(RECORDS / 12); // records seen by one subtask in that attempt
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Configuration.fromMap(Map.of(
                "state.backend.type", backend,
                "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "5",
                "restart-strategy.fixed-delay.delay", "50 ms")));
        env.setParallelism(2);
        env.enableCheckpointing(100);
        env.fromSequence(0, RECORDS - 1)
                .map(new Throttle())
                .keyBy(v -> v % KEYS)
                .process(new CountAndSum(thresholds))
                .addSink(new LatestPerKey());

        env.execute("exactly-once-" + backend + "-" + seed);

        assertThat(FAILURES.get()).as("failures injected").isEqualTo(failuresToInject);
        Map<Long, long[]> expected = new HashMap<>();
        for (long v = 0; v < RECORDS; v++) {
            long[] e = expected.computeIfAbsent(v % KEYS, k -> new long[2]);
            e[0]++;
            e[1] += v;
        }
        assertThat(LATEST.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<Long, long[]> e : expected.entrySet()) {
            long[] got = LATEST.get(e.getKey());
            assertThat(got).as("count and sum of key %d", e.getKey()).containsExactly(e.getValue());
        }
    }

    /** Slows the sources down so that checkpoints complete while the job runs. */
    public static final class Throttle extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private transient long n;

        @Override
        public Long map(Long value) throws Exception {
            if (++n % 20 == 0) {
                Thread.sleep(1);
            }
            return value;
        }
    }

    /** Keyed count and sum; fails once per threshold after a checkpoint completed in this attempt. */
    public static final class CountAndSum extends KeyedProcessFunction<Long, Long, Tuple3<Long, Long, Long>>
            implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private final long[] thresholds;
        private transient ValueState<Long> count;
        private transient ValueState<Long> sum;
        private transient long seenThisAttempt;
        private transient boolean checkpointedThisAttempt;

        CountAndSum(long[] thresholds) {
            this.thresholds = thresholds;
        }

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Tuple3<Long, Long, Long>> out) throws Exception {
            seenThisAttempt++;
            int injected = FAILURES.get();
            // failure k is injected in attempt k only, so failures happen one after another
            if (injected < thresholds.length && getRuntimeContext().getTaskInfo().getAttemptNumber() == injected
                    && checkpointedThisAttempt && seenThisAttempt >= thresholds[injected]
                    && FAILURES.compareAndSet(injected, injected + 1)) {
                throw new IllegalStateException("injected failure " + (injected + 1) + " after " + seenThisAttempt + " records");
            }
            long c = count.value() == null ? 0 : count.value();
            long s = sum.value() == null ? 0 : sum.value();
            count.update(c + 1);
            sum.update(s + value);
            out.collect(Tuple3.of(ctx.getCurrentKey(), c + 1, s + value));
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointedThisAttempt = true;
            COMPLETED_CHECKPOINTS.incrementAndGet();
        }
    }

    /** Keeps, per key, the update with the largest count. */
    public static final class LatestPerKey implements SinkFunction<Tuple3<Long, Long, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(Tuple3<Long, Long, Long> value, Context context) {
            LATEST.merge(value.f0, new long[] {value.f1, value.f2}, (a, b) -> b[0] > a[0] ? b : a);
        }
    }
}
