package dev.eddy.minicluster;

import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.configuration.Configuration;
import dev.eddy.streaming.api.datastream.AsyncDataStream;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.async.ResultFuture;
import dev.eddy.streaming.api.functions.async.RichAsyncFunction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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

    @ParameterizedTest
    @EnumSource(AsyncDataStream.OutputMode.class)
    void countsAreExactDespiteFailuresWithRequestsInFlight(AsyncDataStream.OutputMode mode) throws Exception {
        RecoveryFixture.reset();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Configuration.fromMap(Map.of(
                "execution.target", "local",
                "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "5",
                "restart-strategy.fixed-delay.delay", "20 ms")));
        env.setParallelism(2);
        env.enableCheckpointing(50);
        DataStream<Long> throttled = env.fromSequence(0, RECORDS - 1).map(new RecoveryFixture.Throttle());
        DataStream<Long> looked = mode == AsyncDataStream.OutputMode.ORDERED
                ? AsyncDataStream.orderedWait(throttled, new SlowIdentity(), 30, TimeUnit.SECONDS, 20)
                : AsyncDataStream.unorderedWait(throttled, new SlowIdentity(), 30, TimeUnit.SECONDS, 20);
        looked.keyBy(v -> v % KEYS).process(new RecoveryFixture.CountAndSum(THRESHOLDS))
                .addSink(new RecoveryFixture.LatestPerKey());

        env.execute("async-recovery-" + mode);

        RecoveryFixture.assertExactCountsAndSums(RECORDS, KEYS, THRESHOLDS);
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
}
