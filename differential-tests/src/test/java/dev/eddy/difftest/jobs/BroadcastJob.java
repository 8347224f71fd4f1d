package dev.eddy.difftest.jobs;

import dev.eddy.api.common.state.BroadcastState;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.ReadOnlyBroadcastState;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.streaming.api.datastream.BroadcastStream;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.eddy.util.Collector;
import java.util.List;

/**
 * Broadcast state: per-key thresholds arrive on a broadcast stream; each key counts its events
 * and, at the end of input (event-time timer at the final watermark), reports how many exceeded
 * the threshold known at the end. Reporting at the end makes the result independent of how the
 * broadcast and keyed inputs interleave.
 */
public final class BroadcastJob {
    private BroadcastJob() {}

    static final MapStateDescriptor<String, Integer> RULES = new MapStateDescriptor<>("rules", String.class, Integer.class);

    public static DataStream<String> build(StreamExecutionEnvironment env) {
        BroadcastStream<Tuple2<String, Integer>> rules = env.fromData(List.of(
                        Tuple2.of("k0", 50), Tuple2.of("k1", 80), Tuple2.of("k2", 20), Tuple2.of("k3", 95)))
                .broadcast(RULES);
        return Events.timestamped(env.fromData(Events.generate(41, 1_000, 5)))
                .keyBy(e -> e.f0)
                .connect(rules)
                .process(new CountAbove());
    }

    static final class CountAbove extends KeyedBroadcastProcessFunction<String, Tuple3<String, Long, Integer>, Tuple2<String, Integer>, String> {
        private transient ValueState<String> values;

        @Override
        public void open(dev.eddy.api.common.functions.OpenContext ctx) {
            values = getRuntimeContext().getState(new ValueStateDescriptor<>("values", String.class));
        }

        @Override
        public void processElement(Tuple3<String, Long, Integer> e, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            String old = values.value();
            values.update(old == null ? String.valueOf(e.f2) : old + "," + e.f2);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
        }

        @Override
        public void processBroadcastElement(Tuple2<String, Integer> rule, Context ctx, Collector<String> out) throws Exception {
            BroadcastState<String, Integer> state = ctx.getBroadcastState(RULES);
            state.put(rule.f0, rule.f1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            ReadOnlyBroadcastState<String, Integer> rules = ctx.getBroadcastState(RULES);
            Integer threshold = rules.get(ctx.getCurrentKey());
            int above = 0;
            int n = 0;
            for (String v : values.value().split(",")) {
                n++;
                if (threshold != null && Integer.parseInt(v) > threshold) {
                    above++;
                }
            }
            out.collect(ctx.getCurrentKey() + " threshold=" + threshold + " above=" + above + " of " + n);
        }
    }
}
