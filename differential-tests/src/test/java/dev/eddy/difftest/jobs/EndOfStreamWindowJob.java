package dev.eddy.difftest.jobs;

import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.eddy.streaming.api.windowing.assigners.GlobalWindows;
import dev.eddy.streaming.api.windowing.windows.GlobalWindow;
import dev.eddy.util.Collector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * GlobalWindows with the end-of-stream trigger: one result per key, when the bounded input ends.
 * The window's contents are printed sorted: Flink runs operators that emit only at the end of
 * their input with blocking exchanges and its own element order, which is not part of the contract.
 */
public final class EndOfStreamWindowJob {
    private EndOfStreamWindowJob() {}

    public static DataStream<String> build(StreamExecutionEnvironment env) {
        DataStream<Tuple3<String, Long, Integer>> events = env.fromData(Events.generate(15, 1_000, 3));
        return events.keyBy(e -> e.f0)
                .window(GlobalWindows.createWithEndOfStreamTrigger())
                .process(new SortedContents());
    }

    static final class SortedContents extends ProcessWindowFunction<Tuple3<String, Long, Integer>, String, String, GlobalWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Tuple3<String, Long, Integer>> elements, Collector<String> out) {
            List<Integer> values = new ArrayList<>();
            for (Tuple3<String, Long, Integer> e : elements) {
                values.add(e.f2);
            }
            Collections.sort(values);
            out.collect("end-of-stream " + key + " " + values);
        }
    }
}
