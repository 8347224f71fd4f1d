package dev.eddy.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.functions.RichMapFunction;
import dev.eddy.api.common.state.CheckpointListener;
import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.configuration.Configuration;
import dev.eddy.runtime.state.FunctionInitializationContext;
import dev.eddy.runtime.state.FunctionSnapshotContext;
import dev.eddy.streaming.api.checkpoint.CheckpointedFunction;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.KeyedProcessFunction;
import dev.eddy.streaming.api.functions.sink.legacy.SinkFunction;
import dev.eddy.streaming.api.functions.source.legacy.RichParallelSourceFunction;
import dev.eddy.util.Collector;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Exactly-once with a legacy source that emits in batches under its checkpoint lock and advances
 * its position only after each batch (the Nexmark source's pattern, valid in Flink because a
 * snapshot is taken under that lock). Checkpoints must get through between batches, never inside
 * one: a snapshot taken mid-batch would store the batch's start, and the restored job would emit
 * part of the batch twice. Failures are injected after checkpoints completed; each key's final count
 * and sum must be exact.
 */
@Timeout(180)
class LegacySourceExactlyOnceTest {
    static final int RECORDS = 40_000;
    static final int KEYS = 20;
    static final AtomicInteger FAILURES = new AtomicInteger();
    static final AtomicLong COMPLETED_CHECKPOINTS = new AtomicLong();
    static final Map<Long, long[]> LATEST = new ConcurrentHashMap<>();

    @Test
    void aBatchUnderTheLockSourceIsExactlyOnceAcrossFailures() throws Exception {
        FAILURES.set(0);
        COMPLETED_CHECKPOINTS.set(0);
        LATEST.clear();
        long[] thresholds = {3_000, 5_000};
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Configuration.fromMap(Map.of(
                "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "5",
                "restart-strategy.fixed-delay.delay", "50 ms")));
        env.setParallelism(2);
        env.enableCheckpointing(50);
        env.addSource(new BatchSource(RECORDS), "batches-under-lock", Types.LONG)
                .map(new Throttle())
                .keyBy(v -> v % KEYS)
                .process(new CountAndSum(thresholds))
                .addSink(new LatestPerKey());

        env.execute("legacy-source-exactly-once");

        assertThat(FAILURES.get()).as("failures injected").isEqualTo(thresholds.length);
        assertThat(COMPLETED_CHECKPOINTS.get()).as("checkpoints completed").isPositive();
        Map<Long, long[]> expected = new HashMap<>();
        for (long v = 0; v < RECORDS; v++) {
            long[] e = expected.computeIfAbsent(v % KEYS, k -> new long[2]);
            e[0]++;
            e[1] += v;
        }
        assertThat(LATEST.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<Long, long[]> e : expected.entrySet()) {
            assertThat(LATEST.get(e.getKey())).as("count and sum of key %d", e.getKey()).containsExactly(e.getValue());
        }
    }

    /** Emits its slice of [0, records) in batches of 100 under the cached checkpoint lock; the position moves after a batch. */
    public static final class BatchSource extends RichParallelSourceFunction<Long> implements CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        private static final int BATCH = 100;
        private final long records;
        private volatile boolean running = true;
        private transient ListState<Long> positionState;
        private transient long next;

        BatchSource(long records) {
            this.records = records;
        }

        @Override
        public void run(SourceContext<Long> ctx) {
            int p = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
            int k = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
            long end = records * (k + 1) / p;
            Object lock = ctx.getCheckpointLock();
            synchronized (lock) {
                if (next < 0) {
                    next = records * k / p;
                }
            }
            while (running && next < end) {
                synchronized (lock) {
                    long stop = Math.min(end, next + BATCH);
                    for (long i = next; i < stop; i++) {
                        ctx.collect(i);
                    }
                    next = stop;
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            positionState.clear();
            positionState.add(next);
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            positionState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("next", Long.class));
            next = -1;
            for (Long position : positionState.get()) {
                next = position;
            }
        }
    }

    /** Slows the pipeline down (back-pressuring the source) so checkpoints complete while it runs. */
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

    /** Keyed count and sum; fails once per threshold, after a checkpoint completed in this attempt. */
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
