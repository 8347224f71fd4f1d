package dev.eddy.difftest.jobs;

import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.windowing.WindowFunction;
import dev.eddy.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import dev.eddy.util.Collector;
import java.time.Duration;

/** Sliding event-time windows (10 s every 2 s): average per key with an AggregateFunction + WindowFunction. */
public final class SlidingWindowJob {
    private SlidingWindowJob() {}

    public static DataStream<String> build(StreamExecutionEnvironment env) {
        return Events.timestamped(env.fromData(Events.generate(12, 2_000, 4)))
                .keyBy(e -> e.f0)
                .window(SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(2)))
                .aggregate(new Average(), new WithWindow());
    }

    static final class Average implements AggregateFunction<Tuple3<String, Long, Integer>, Tuple2<Long, Long>, String> {
        @Override
        public Tuple2<Long, Long> createAccumulator() {
            return Tuple2.of(0L, 0L);
        }

        @Override
        public Tuple2<Long, Long> add(Tuple3<String, Long, Integer> value, Tuple2<Long, Long> acc) {
            return Tuple2.of(acc.f0 + value.f2, acc.f1 + 1);
        }

        @Override
        public String getResult(Tuple2<Long, Long> acc) {
            return acc.f0 + "/" + acc.f1;
        }

        @Override
        public Tuple2<Long, Long> merge(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
            return Tuple2.of(a.f0 + b.f0, a.f1 + b.f1);
        }
    }

    static final class WithWindow implements WindowFunction<String, String, String, TimeWindow> {
        @Override
        public void apply(String key, TimeWindow window, Iterable<String> input, Collector<String> out) {
            for (String avg : input) {
                out.collect(key + " " + window.getStart() + ".." + window.maxTimestamp() + " avg=" + avg);
            }
        }
    }
}
