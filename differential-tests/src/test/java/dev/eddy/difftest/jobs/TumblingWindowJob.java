package dev.eddy.difftest.jobs;

import dev.eddy.api.common.functions.ReduceFunction;
import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.datastream.SingleOutputStreamOperator;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.eddy.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import dev.eddy.util.Collector;
import dev.eddy.util.OutputTag;
import java.time.Duration;

/**
 * Tumbling event-time windows of 5 s (offset 1 s) with an incremental reduce and a
 * ProcessWindowFunction, allowed lateness 3 s (late firings carry the updated sum) and the rest of
 * the late data on a side output.
 */
public final class TumblingWindowJob {
    private TumblingWindowJob() {}

    static final OutputTag<Tuple3<String, Long, Integer>> LATE = new OutputTag<Tuple3<String, Long, Integer>>("late") {};

    public static DataStream<String> build(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<String> windows = Events.timestamped(env.fromData(Events.generate(11, 3_000, 6)))
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .allowedLateness(Duration.ofSeconds(3))
                .sideOutputLateData(LATE)
                .reduce(new SumValues(), new Describe());
        DataStream<String> late = windows.getSideOutput(LATE).map(e -> "late " + e).returns(String.class);
        return windows.union(late);
    }

    static final class SumValues implements ReduceFunction<Tuple3<String, Long, Integer>> {
        @Override
        public Tuple3<String, Long, Integer> reduce(Tuple3<String, Long, Integer> a, Tuple3<String, Long, Integer> b) {
            return Tuple3.of(a.f0, Math.max(a.f1, b.f1), a.f2 + b.f2);
        }
    }

    static final class Describe extends ProcessWindowFunction<Tuple3<String, Long, Integer>, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Tuple3<String, Long, Integer>> sums, Collector<String> out) {
            for (Tuple3<String, Long, Integer> s : sums) {
                out.collect(key + " [" + ctx.window().getStart() + "," + ctx.window().getEnd() + ") sum=" + s.f2
                        + " maxTs=" + s.f1 + " wm=" + ctx.currentWatermark());
            }
        }
    }
}
