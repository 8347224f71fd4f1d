package dev.eddy.difftest.jobs;

import dev.eddy.api.common.state.MapState;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.co.CoMapFunction;
import dev.eddy.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.eddy.util.Collector;
import dev.eddy.util.OutputTag;

/**
 * connect: a CoMapFunction over two streams, and a KeyedCoProcessFunction that sums both inputs
 * per key and 2 s bucket in MapState and emits each bucket from an event-time timer (the side
 * output gets buckets where only one input had data). No late events, so input interleaving does
 * not change the result.
 */
public final class ConnectJob {
    private ConnectJob() {}

    static final OutputTag<String> ONE_SIDED = new OutputTag<String>("one-sided") {};

    public static DataStream<String> build(StreamExecutionEnvironment env) {
        DataStream<Tuple3<String, Long, Integer>> a = Events.timestamped(env.fromData(Events.generateInOrder(31, 800, 5)));
        DataStream<Tuple3<String, Long, Integer>> b = Events.timestamped(env.fromData(Events.generateInOrder(32, 700, 5)));
        DataStream<String> mapped = a.connect(b).map(new Tag());
        var buckets = a.connect(b).keyBy(e -> e.f0, e -> e.f0).process(new Buckets());
        return mapped.union(buckets, buckets.getSideOutput(ONE_SIDED));
    }

    static final class Tag implements CoMapFunction<Tuple3<String, Long, Integer>, Tuple3<String, Long, Integer>, String> {
        @Override
        public String map1(Tuple3<String, Long, Integer> value) {
            return "a " + value;
        }

        @Override
        public String map2(Tuple3<String, Long, Integer> value) {
            return "b " + value;
        }
    }

    static final class Buckets extends KeyedCoProcessFunction<String, Tuple3<String, Long, Integer>, Tuple3<String, Long, Integer>, String> {
        private transient MapState<Long, Long> sumA;
        private transient MapState<Long, Long> sumB;

        @Override
        public void open(dev.eddy.api.common.functions.OpenContext ctx) {
            sumA = getRuntimeContext().getMapState(new MapStateDescriptor<>("a", Long.class, Long.class));
            sumB = getRuntimeContext().getMapState(new MapStateDescriptor<>("b", Long.class, Long.class));
        }

        @Override
        public void processElement1(Tuple3<String, Long, Integer> e, Context ctx, Collector<String> out) throws Exception {
            add(sumA, e, ctx);
        }

        @Override
        public void processElement2(Tuple3<String, Long, Integer> e, Context ctx, Collector<String> out) throws Exception {
            add(sumB, e, ctx);
        }

        private static void add(MapState<Long, Long> sums, Tuple3<String, Long, Integer> e, Context ctx) throws Exception {
            long end = (ctx.timestamp() / 2_000 + 1) * 2_000;
            Long old = sums.get(end);
            sums.put(end, (old == null ? 0L : old) + e.f2);
            ctx.timerService().registerEventTimeTimer(end - 1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            long end = timestamp + 1;
            Long a = sumA.get(end);
            Long b = sumB.get(end);
            sumA.remove(end);
            sumB.remove(end);
            String line = ctx.getCurrentKey() + " bucket " + end + " a=" + a + " b=" + b;
            if (a == null || b == null) {
                ctx.output(ONE_SIDED, "one-sided " + line);
            } else {
                out.collect(line);
            }
        }
    }
}
