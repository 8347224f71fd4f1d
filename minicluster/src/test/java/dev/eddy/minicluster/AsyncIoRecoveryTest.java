package dev.eddy.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.functions.RichMapFunction;
import dev.eddy.api.common.state.CheckpointListener;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.configuration.Configuration;
import dev.eddy.streaming.api.datastream.AsyncDataStream;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.KeyedProcessFunction;
import dev.eddy.streaming.api.functions.async.ResultFuture;
import dev.eddy.streaming.api.functions.async.RichAsyncFunction;
import dev.eddy.streaming.api.functions.sink.legacy.SinkFunction;
import dev.eddy.util.Collector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Async I/O under failures: checkpoints every 50 ms catch records whose requests are in flight; a
 * keyed counter after the async operator fails twice after a checkpoint completed, and the job
 * restarts from the latest checkpoint. The in-flight records must be requested again (else the
 * counts come out short) and no record may be counted twice (else they overshoot).
 */
class AsyncIoRecoveryTest {
    static final int RECORDS = 30_000;
    static final int KEYS = 20;
    static final long[] THRESHOLDS = {2_000, 3_000};
    static final AtomicInteger FAILURES = new AtomicInteger();
    static final Map<Long, long[]> LATEST = new ConcurrentHashMap<>();

    @ParameterizedTest
    @EnumSource(AsyncDataStream.OutputMode.class)
    void countsAreExactDespiteFailuresWithRequestsInFlight(AsyncDataStream.OutputMode mode) throws Exception {
        FAILURES.set(0);
        LATEST.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Configuration.fromMap(Map.of(
                "execution.target", "local",
                "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "5",
                "restart-strategy.fixed-delay.delay", "20 ms")));
        env.setParallelism(2);
        env.enableCheckpointing(50);
        DataStream<Long> throttled = env.fromSequence(0, RECORDS - 1).map(new Throttle());
        DataStream<Long> looked = mode == AsyncDataStream.OutputMode.ORDERED
                ? AsyncDataStream.orderedWait(throttled, new SlowIdentity(), 30, TimeUnit.SECONDS, 20)
                : AsyncDataStream.unorderedWait(throttled, new SlowIdentity(), 30, TimeUnit.SECONDS, 20);
        looked.keyBy(v -> v % KEYS).process(new CountAndSum()).addSink(new LatestPerKey());

        env.execute("async-recovery-" + mode);

        assertThat(FAILURES.get()).as("failures injected").isEqualTo(THRESHOLDS.length);
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

    /** Returns the input from a pool thread after 0-2 ms, so requests overlap and finish out of order. */
    public static final class SlowIdentity extends RichAsyncFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private transient ExecutorService pool;

        @Override
        public void open(OpenContext openContext) {
            pool = Executors.newFixedThreadPool(4);
        }

        @Override
        public void asyncInvoke(Long input, ResultFuture<Long> resultFuture) {
            pool.execute(() -> {
                try {
                    Thread.sleep(input % 3);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                resultFuture.complete(List.of(input));
            });
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** Keyed count and sum; fails once per threshold, each time after a checkpoint completed in that attempt. */
    public static final class CountAndSum extends KeyedProcessFunction<Long, Long, Tuple3<Long, Long, Long>> implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;
        private transient ValueState<Long> sum;
        private transient long seenThisAttempt;
        private transient boolean checkpointedThisAttempt;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Tuple3<Long, Long, Long>> out) throws Exception {
            seenThisAttempt++;
            int injected = FAILURES.get();
            if (injected < THRESHOLDS.length && getRuntimeContext().getTaskInfo().getAttemptNumber() == injected
                    && checkpointedThisAttempt && seenThisAttempt >= THRESHOLDS[injected]
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
