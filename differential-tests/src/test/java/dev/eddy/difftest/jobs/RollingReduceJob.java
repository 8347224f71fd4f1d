package dev.eddy.difftest.jobs;

import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Keyed rolling aggregates (reduce, sum, max, maxBy) over the shared input: each emits one running
 * result per input record, in per-key input order, so the sorted outputs are comparable.
 */
public final class RollingReduceJob {
    private RollingReduceJob() {}

    public static DataStream<String> build(StreamExecutionEnvironment env) {
        DataStream<Tuple2<String, Integer>> events = env.fromData(Events.generate(7, 2_000, 5))
                .map(e -> Tuple2.of(e.f0, e.f2))
                .returns(dev.eddy.api.common.typeinfo.Types.TUPLE(dev.eddy.api.common.typeinfo.Types.STRING,
                        dev.eddy.api.common.typeinfo.Types.INT))
                .setParallelism(1); // chained to the source: per-key order reaches the keyed operators intact
        DataStream<String> reduced = events.keyBy(e -> e.f0)
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1))
                .map(t -> "reduce " + t);
        DataStream<String> max = events.keyBy(e -> e.f0).max(1).map(t -> "max " + t);
        DataStream<String> maxBy = events.keyBy(e -> e.f0).maxBy(1).map(t -> "maxBy " + t);
        return reduced.union(max, maxBy);
    }
}
