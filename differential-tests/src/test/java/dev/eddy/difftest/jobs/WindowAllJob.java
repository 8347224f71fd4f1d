package dev.eddy.difftest.jobs;

import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.windowing.ProcessAllWindowFunction;
import dev.eddy.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.eddy.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.eddy.streaming.api.windowing.triggers.ContinuousEventTimeTrigger;
import dev.eddy.streaming.api.windowing.evictors.TimeEvictor;
import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import dev.eddy.util.Collector;
import java.time.Duration;

/**
 * windowAll over all keys (tumbling 4 s, max by value), a keyed 20 s window with a continuous
 * event-time trigger every 5 s (early results), and a keyed window with a time evictor keeping the
 * last 2 s of each window.
 */
public final class WindowAllJob {
    private WindowAllJob() {}

    public static DataStream<String> build(StreamExecutionEnvironment env) {
        DataStream<Tuple3<String, Long, Integer>> events = Events.timestamped(env.fromData(Events.generate(15, 2_000, 5)));
        DataStream<String> all = events
                .windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(4)))
                .maxBy(2)
                .map(t -> "all max " + t).returns(String.class);
        DataStream<String> continuous = events.keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(20)))
                .trigger(ContinuousEventTimeTrigger.of(Duration.ofSeconds(5)))
                .process(new CountIn("continuous"));
        DataStream<String> evicted = events.keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .evictor(TimeEvictor.of(Duration.ofSeconds(2)))
                .process(new CountIn("last2s"));
        DataStream<String> allProcess = events
                .windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(8)))
                .process(new CountAll());
        return all.union(continuous, evicted, allProcess);
    }

    static final class CountIn extends ProcessWindowFunction<Tuple3<String, Long, Integer>, String, String, TimeWindow> {
        private final String label;

        CountIn(String label) {
            this.label = label;
        }

        @Override
        public void process(String key, Context ctx, Iterable<Tuple3<String, Long, Integer>> elements, Collector<String> out) {
            long n = 0;
            long sum = 0;
            for (Tuple3<String, Long, Integer> e : elements) {
                n++;
                sum += e.f2;
            }
            out.collect(label + " " + key + " " + ctx.window() + " n=" + n + " sum=" + sum);
        }
    }

    static final class CountAll extends ProcessAllWindowFunction<Tuple3<String, Long, Integer>, String, TimeWindow> {
        @Override
        public void process(Context ctx, Iterable<Tuple3<String, Long, Integer>> elements, Collector<String> out) {
            long n = 0;
            for (Tuple3<String, Long, Integer> ignored : elements) {
                n++;
            }
            out.collect("allProcess " + ctx.window().getStart() + " n=" + n);
        }
    }
}
