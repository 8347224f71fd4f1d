package dev.eddy.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.functions.RichMapFunction;
import dev.eddy.api.common.state.CheckpointListener;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.streaming.api.functions.KeyedProcessFunction;
import dev.eddy.streaming.api.functions.sink.legacy.SinkFunction;
import dev.eddy.util.Collector;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The failure-injecting pieces shared by the exactly-once recovery tests of this module: a keyed
 * count and sum that throws once per threshold (each time after a checkpoint completed in that
 * attempt), a sink that keeps the latest update per key, and the check that every key's final count
 * and sum are exact. The outcome lives in static fields (the job's functions are serialized copies);
 * tests that use them call {@link #reset()} first and must not run concurrently with each other
 * (surefire runs this module's test classes one after another in one JVM).
 */
final class RecoveryFixture {
    static final AtomicInteger FAILURES = new AtomicInteger();
    static final AtomicLong COMPLETED_CHECKPOINTS = new AtomicLong();
    static final Map<Long, long[]> LATEST = new ConcurrentHashMap<>();

    private RecoveryFixture() {}

    static void reset() {
        FAILURES.set(0);
        COMPLETED_CHECKPOINTS.set(0);
        LATEST.clear();
    }

    /** Asserts that every threshold fired once and each key of {@code v % keys} over [0, records) has its exact count and sum. */
    static void assertExactCountsAndSums(long records, int keys, long[] thresholds) {
        assertThat(FAILURES.get()).as("failures injected").isEqualTo(thresholds.length);
        Map<Long, long[]> expected = new HashMap<>();
        for (long v = 0; v < records; v++) {
            long[] e = expected.computeIfAbsent(v % keys, k -> new long[2]);
            e[0]++;
            e[1] += v;
        }
        assertThat(LATEST.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<Long, long[]> e : expected.entrySet()) {
            assertThat(LATEST.get(e.getKey())).as("count and sum of key %d", e.getKey()).containsExactly(e.getValue());
        }
    }

    /** Slows the pipeline down (a 1 ms sleep every 20 records) so that checkpoints complete while it runs. */
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

    /** Keyed count and sum; fails once per threshold, each time after a checkpoint completed in that attempt. */
    public static final class CountAndSum extends KeyedProcessFunction<Long, Long, Tuple3<Long, Long, Long>>
            implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private final long[] thresholds;
        private transient ValueState<Long> count;
        private transient ValueState<Long> sum;
        private transient long seenThisAttempt;
        private transient boolean checkpointedThisAttempt;

        CountAndSum(long[] thresholds) {
            this.thresholds = thresholds.clone();
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
