package dev.eddy.difftest.jobs;

import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.eddy.streaming.api.windowing.assigners.GlobalWindows;
import dev.eddy.streaming.api.windowing.evictors.CountEvictor;
import dev.eddy.streaming.api.windowing.evictors.DeltaEvictor;
import dev.eddy.streaming.api.windowing.triggers.CountTrigger;
import dev.eddy.streaming.api.windowing.triggers.DeltaTrigger;
import dev.eddy.streaming.api.windowing.triggers.PurgingTrigger;
import dev.eddy.streaming.api.windowing.windows.GlobalWindow;
import dev.eddy.util.Collector;

/**
 * Count windows (tumbling and sliding), and GlobalWindows with a purging count trigger and a
 * count evictor, with a delta evictor, and with a purging delta trigger: per-key input order
 * decides the contents, and the source's single subtask keeps that order.
 */
public final class CountAndGlobalWindowJob {
    private CountAndGlobalWindowJob() {}

    public static DataStream<String> build(StreamExecutionEnvironment env) {
        DataStream<Tuple3<String, Long, Integer>> events = env.fromData(Events.generate(14, 1_000, 3));
        DataStream<String> tumbling = events.keyBy(e -> e.f0).countWindow(5)
                .process(new Contents("count5"));
        DataStream<String> sliding = events.keyBy(e -> e.f0).countWindow(4, 3)
                .process(new Contents("count4/3"));
        DataStream<String> evicting = events.keyBy(e -> e.f0)
                .window(GlobalWindows.create())
                .trigger(PurgingTrigger.of(CountTrigger.of(6)))
                .evictor(CountEvictor.of(2))
                .process(new Contents("purge6-keep2"));
        DataStream<String> delta = events.keyBy(e -> e.f0)
                .window(GlobalWindows.create())
                .trigger(CountTrigger.of(4))
                .evictor(DeltaEvictor.of(30.0, (Tuple3<String, Long, Integer> a, Tuple3<String, Long, Integer> b) -> Math.abs(a.f2 - b.f2)))
                .process(new Contents("delta30"));
        TypeSerializer<Tuple3<String, Long, Integer>> eventSerializer =
                Types.<Tuple3<String, Long, Integer>>TUPLE(Types.STRING, Types.LONG, Types.INT).createSerializer(env.getConfig().getSerializerConfig());
        DataStream<String> deltaTriggered = events.keyBy(e -> e.f0)
                .window(GlobalWindows.create())
                .trigger(PurgingTrigger.of(DeltaTrigger.of(40.0,
                        (Tuple3<String, Long, Integer> a, Tuple3<String, Long, Integer> b) -> Math.abs(a.f2 - b.f2), eventSerializer)))
                .process(new Contents("delta-trigger40"));
        return tumbling.union(sliding, evicting, delta, deltaTriggered);
    }

    static final class Contents extends ProcessWindowFunction<Tuple3<String, Long, Integer>, String, String, GlobalWindow> {
        private final String label;

        Contents(String label) {
            this.label = label;
        }

        @Override
        public void process(String key, Context ctx, Iterable<Tuple3<String, Long, Integer>> elements, Collector<String> out) {
            StringBuilder values = new StringBuilder();
            for (Tuple3<String, Long, Integer> e : elements) {
                values.append(e.f2).append(' ');
            }
            out.collect(label + " " + key + " " + values.toString().trim());
        }
    }
}
