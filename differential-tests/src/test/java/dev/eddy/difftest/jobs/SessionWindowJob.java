package dev.eddy.difftest.jobs;

import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.eddy.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import dev.eddy.util.Collector;
import java.time.Duration;

/**
 * Event-time session windows, static gap (keys k0..k9) and dynamic gap (gap from the value), with
 * allowed lateness so late events re-fire merged sessions; the whole contents are listed.
 */
public final class SessionWindowJob {
    private SessionWindowJob() {}

    public static DataStream<String> build(StreamExecutionEnvironment env) {
        DataStream<Tuple3<String, Long, Integer>> events = Events.timestamped(env.fromData(Events.generate(13, 1_500, 10)));
        DataStream<String> fixed = events.keyBy(e -> e.f0)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(1_500)))
                .allowedLateness(Duration.ofSeconds(2))
                .process(new ListSession("static"));
        DataStream<String> dynamic = events.keyBy(e -> e.f0)
                .window(EventTimeSessionWindows.withDynamicGap((Tuple3<String, Long, Integer> e) -> 500L + e.f2 * 20L))
                .process(new ListSession("dynamic"));
        return fixed.union(dynamic);
    }

    static final class ListSession extends ProcessWindowFunction<Tuple3<String, Long, Integer>, String, String, TimeWindow> {
        private final String label;

        ListSession(String label) {
            this.label = label;
        }

        @Override
        public void process(String key, Context ctx, Iterable<Tuple3<String, Long, Integer>> elements, Collector<String> out) {
            java.util.List<Long> times = new java.util.ArrayList<>();
            int sum = 0;
            for (Tuple3<String, Long, Integer> e : elements) {
                times.add(e.f1);
                sum += e.f2;
            }
            java.util.Collections.sort(times);
            out.collect(label + " " + key + " [" + ctx.window().getStart() + "," + ctx.window().getEnd() + ") n="
                    + times.size() + " sum=" + sum + " times=" + times);
        }
    }
}
