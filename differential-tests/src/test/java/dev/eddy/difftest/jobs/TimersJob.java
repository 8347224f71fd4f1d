package dev.eddy.difftest.jobs;

import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.KeyedProcessFunction;
import dev.eddy.util.Collector;

/**
 * Event-time timers in a KeyedProcessFunction: per key, sums values into buckets of 5 s and emits
 * a bucket's sum when an event-time timer at the bucket's end fires; late events (bucket already
 * emitted) are counted and reported as such. Also exercises register/delete of timers.
 */
public final class TimersJob {
    private TimersJob() {}

    public static DataStream<String> build(StreamExecutionEnvironment env) {
        return Events.timestamped(env.fromData(Events.generate(42, 3_000, 7)))
                .keyBy(e -> e.f0)
                .process(new BucketSums());
    }

    static final class BucketSums extends KeyedProcessFunction<String, Tuple3<String, Long, Integer>, String> {
        private transient ValueState<Long> sum;
        private transient ValueState<Long> bucketEnd;

        @Override
        public void open(dev.eddy.api.common.functions.OpenContext ctx) {
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
            bucketEnd = getRuntimeContext().getState(new ValueStateDescriptor<>("end", Long.class));
        }

        @Override
        public void processElement(Tuple3<String, Long, Integer> e, Context ctx, Collector<String> out) throws Exception {
            long end = (e.f1 / 5_000 + 1) * 5_000;
            if (end <= ctx.timerService().currentWatermark()) {
                out.collect(ctx.getCurrentKey() + " late " + e.f1 + " wm=" + ctx.timerService().currentWatermark());
                return;
            }
            Long current = bucketEnd.value();
            if (current != null && current != end) {
                // a second open bucket: flush the older one now and drop its timer
                ctx.timerService().deleteEventTimeTimer(current - 1);
                out.collect(ctx.getCurrentKey() + " flushed " + current + " sum=" + sum.value());
                sum.clear();
            }
            bucketEnd.update(end);
            sum.update((sum.value() == null ? 0L : sum.value()) + e.f2);
            ctx.timerService().registerEventTimeTimer(end - 1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + " fired " + timestamp + " ts=" + ctx.timestamp() + " sum=" + sum.value());
            sum.clear();
            bucketEnd.clear();
        }
    }
}
