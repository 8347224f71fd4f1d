package dev.eddy.difftest.jobs;

import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.datastream.SingleOutputStreamOperator;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.ProcessFunction;
import dev.eddy.util.Collector;
import dev.eddy.util.OutputTag;

/**
 * Side outputs from a ProcessFunction: small values to one tag, odd keys to another, the rest to
 * the main output; the side outputs are consumed across a keyBy (network) and directly.
 */
public final class SideOutputJob {
    private SideOutputJob() {}

    static final OutputTag<String> SMALL = new OutputTag<String>("small") {};
    static final OutputTag<Tuple3<String, Long, Integer>> ODD = new OutputTag<Tuple3<String, Long, Integer>>("odd") {};

    public static DataStream<String> build(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<String> main = env.fromData(Events.generate(61, 1_000, 6))
                .process(new Split())
                .setParallelism(1); // chained to the source, so per-key order reaches the rolling sum
        DataStream<String> small = main.getSideOutput(SMALL);
        DataStream<String> oddSums = main.getSideOutput(ODD)
                .keyBy(e -> e.f0)
                .sum(2)
                .map(t -> "odd sum " + t).returns(String.class);
        return main.union(small, oddSums);
    }

    static final class Split extends ProcessFunction<Tuple3<String, Long, Integer>, String> {
        @Override
        public void processElement(Tuple3<String, Long, Integer> e, Context ctx, Collector<String> out) {
            if (e.f2 < 10) {
                ctx.output(SMALL, "small " + e);
            } else if (Integer.parseInt(e.f0.substring(1)) % 2 == 1) {
                ctx.output(ODD, e);
            } else {
                out.collect("main " + e);
            }
        }
    }
}
