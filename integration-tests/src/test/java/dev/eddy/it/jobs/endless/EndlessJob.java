package dev.eddy.it.jobs.endless;

import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.api.common.functions.MapFunction;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.sink.legacy.DiscardingSink;
import dev.eddy.streaming.api.functions.source.legacy.RichParallelSourceFunction;

/**
 * An unbounded job: a throttled parallel counter source (the count is the event time), a keyed
 * shuffle, a discarding sink.
 */
public final class EndlessJob {
    private EndlessJob() {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.addSource(new Counter()).name("counter")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, t) -> v))
                .keyBy(x -> x % 16)
                .map(new Identity())
                .addSink(new DiscardingSink<>());
        env.execute("endless");
    }

    /** Counts up forever, about 10k records per second per subtask. */
    public static final class Counter extends RichParallelSourceFunction<Long> {
        private static final long serialVersionUID = 1L;
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<Long> ctx) throws Exception {
            long n = 0;
            while (running) {
                ctx.collect(n++);
                if (n % 100 == 0) {
                    Thread.sleep(10);
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Passes records through. */
    public static final class Identity implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) {
            return value;
        }
    }
}
