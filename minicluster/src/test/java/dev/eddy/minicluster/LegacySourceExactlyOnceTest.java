package dev.eddy.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.configuration.Configuration;
import dev.eddy.runtime.state.FunctionInitializationContext;
import dev.eddy.runtime.state.FunctionSnapshotContext;
import dev.eddy.streaming.api.checkpoint.CheckpointedFunction;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.source.legacy.RichParallelSourceFunction;
import java.util.Map;
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

    @Test
    void aBatchUnderTheLockSourceIsExactlyOnceAcrossFailures() throws Exception {
        RecoveryFixture.reset();
        long[] thresholds = {3_000, 5_000};
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Configuration.fromMap(Map.of(
                "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "5",
                "restart-strategy.fixed-delay.delay", "50 ms")));
        env.setParallelism(2);
        env.enableCheckpointing(50);
        env.addSource(new BatchSource(RECORDS), "batches-under-lock", Types.LONG)
                .map(new RecoveryFixture.Throttle())
                .keyBy(v -> v % KEYS)
                .process(new RecoveryFixture.CountAndSum(thresholds))
                .addSink(new RecoveryFixture.LatestPerKey());

        env.execute("legacy-source-exactly-once");

        assertThat(RecoveryFixture.COMPLETED_CHECKPOINTS.get()).as("checkpoints completed").isPositive();
        RecoveryFixture.assertExactCountsAndSums(RECORDS, KEYS, thresholds);
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
}
