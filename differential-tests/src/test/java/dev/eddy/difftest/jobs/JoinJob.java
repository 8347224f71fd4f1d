package dev.eddy.difftest.jobs;

import dev.eddy.api.common.functions.CoGroupFunction;
import dev.eddy.api.common.functions.JoinFunction;
import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.co.ProcessJoinFunction;
import dev.eddy.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.eddy.util.Collector;
import java.time.Duration;

/**
 * Window join and coGroup of two streams on the key (tumbling 3 s), and an interval join
 * (right within [left - 1 s, left + 500 ms]). Inputs have no late events, so what each operator
 * sees does not depend on how the two inputs interleave.
 */
public final class JoinJob {
    private JoinJob() {}

    public static DataStream<String> build(StreamExecutionEnvironment env) {
        DataStream<Tuple3<String, Long, Integer>> left = Events.timestamped(env.fromData(Events.generateInOrder(21, 600, 4)));
        DataStream<Tuple3<String, Long, Integer>> right = Events.timestamped(env.fromData(Events.generateInOrder(22, 600, 4)));
        DataStream<String> joined = left.join(right)
                .where(e -> e.f0).equalTo(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(3)))
                .apply(new Pair());
        DataStream<String> grouped = left.coGroup(right)
                .where(e -> e.f0).equalTo(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(3)))
                .apply(new Counts());
        DataStream<String> interval = left.keyBy(e -> e.f0)
                .intervalJoin(right.keyBy(e -> e.f0))
                .between(Duration.ofMillis(-1_000), Duration.ofMillis(500))
                .process(new IntervalPair());
        return joined.union(grouped, interval);
    }

    static final class Pair implements JoinFunction<Tuple3<String, Long, Integer>, Tuple3<String, Long, Integer>, String> {
        @Override
        public String join(Tuple3<String, Long, Integer> a, Tuple3<String, Long, Integer> b) {
            return "join " + a + " " + b;
        }
    }

    static final class Counts implements CoGroupFunction<Tuple3<String, Long, Integer>, Tuple3<String, Long, Integer>, String> {
        @Override
        public void coGroup(Iterable<Tuple3<String, Long, Integer>> as, Iterable<Tuple3<String, Long, Integer>> bs, Collector<String> out) {
            int na = 0;
            int nb = 0;
            String key = null;
            for (Tuple3<String, Long, Integer> a : as) {
                na++;
                key = a.f0;
            }
            for (Tuple3<String, Long, Integer> b : bs) {
                nb++;
                key = b.f0;
            }
            out.collect("cogroup " + key + " " + na + "x" + nb);
        }
    }

    static final class IntervalPair extends ProcessJoinFunction<Tuple3<String, Long, Integer>, Tuple3<String, Long, Integer>, String> {
        @Override
        public void processElement(Tuple3<String, Long, Integer> a, Tuple3<String, Long, Integer> b, Context ctx, Collector<String> out) {
            out.collect("interval " + a + " " + b + " ts=" + ctx.getTimestamp());
        }
    }
}
