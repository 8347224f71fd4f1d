package dev.eddy.minicluster.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.eventtime.SerializableTimestampAssigner;
import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.api.connector.source.lib.NumberSequenceSource;
import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.DeploymentOptions;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.eddy.streaming.api.windowing.assigners.GlobalWindows;
import dev.eddy.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import dev.eddy.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Event-time windows on the embedded cluster: a parallel source with out-of-order timestamps and
 * bounded-out-of-orderness watermarks, keyBy, tumbling windows, incremental aggregation with a
 * process window function; exact output.
 */
class WindowJobTest {
    private static final long N = 3000;
    private static final long WINDOW = 1000;

    /** Out of order by up to 180 ms, within the 500 ms bound: no element is late. */
    static long timestamp(long v) {
        return v * 10 - (v % 7) * 30;
    }

    static final class Timestamps implements SerializableTimestampAssigner<Long> {
        @Override
        public long extractTimestamp(Long element, long recordTimestamp) {
            return timestamp(element);
        }
    }

    /** (count, sum) of the values. */
    static final class CountAndSum implements AggregateFunction<Long, Tuple2<Long, Long>, Tuple2<Long, Long>> {
        @Override
        public Tuple2<Long, Long> createAccumulator() {
            return Tuple2.of(0L, 0L);
        }

        @Override
        public Tuple2<Long, Long> add(Long value, Tuple2<Long, Long> acc) {
            return Tuple2.of(acc.f0 + 1, acc.f1 + value);
        }

        @Override
        public Tuple2<Long, Long> getResult(Tuple2<Long, Long> acc) {
            return acc;
        }

        @Override
        public Tuple2<Long, Long> merge(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
            return Tuple2.of(a.f0 + b.f0, a.f1 + b.f1);
        }
    }

    /** "key start count sum" once per window. */
    static final class Describe extends ProcessWindowFunction<Tuple2<Long, Long>, String, Long, TimeWindow> {
        @Override
        public void process(Long key, Context ctx, Iterable<Tuple2<Long, Long>> aggregates, Collector<String> out) {
            Tuple2<Long, Long> a = aggregates.iterator().next();
            out.collect(key + " " + ctx.window().getStart() + " " + a.f0 + " " + a.f1);
        }
    }

    private static StreamExecutionEnvironment env() {
        Configuration conf = new Configuration();
        conf.set(DeploymentOptions.TARGET, "local");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        return env;
    }

    @Test
    void keyedTumblingEventTimeWindowsAggregateOutOfOrderInputExactly() throws Exception {
        StreamExecutionEnvironment env = env();
        DataStream<Long> numbers = env.fromSequence(0, N - 1).assignTimestampsAndWatermarks(
                WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(500)).withTimestampAssigner(new Timestamps()));
        DataStream<String> windows = numbers
                .keyBy(v -> v % 3)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW)))
                .aggregate(new CountAndSum(), new Describe());

        List<String> actual = new ArrayList<>(windows.executeAndCollect("windows", Integer.MAX_VALUE));

        Map<String, long[]> model = new TreeMap<>();
        for (long v = 0; v < N; v++) {
            long start = Math.floorDiv(timestamp(v), WINDOW) * WINDOW;
            long[] cs = model.computeIfAbsent(v % 3 + " " + start, k -> new long[2]);
            cs[0]++;
            cs[1] += v;
        }
        List<String> expected = new ArrayList<>();
        model.forEach((k, cs) -> expected.add(k + " " + cs[0] + " " + cs[1]));
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).hasSizeGreaterThan(80);
    }

    @Test
    void allWindowsOverASourceWithWatermarksSumEveryWindowOnce() throws Exception {
        StreamExecutionEnvironment env = env();
        DataStream<Long> numbers = env.fromSource(new NumberSequenceSource(0, N - 1),
                WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(500)).withTimestampAssigner(new Timestamps()), "numbers");
        List<Long> sums = numbers.windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW))).reduce(Long::sum)
                .executeAndCollect("all windows", Integer.MAX_VALUE);

        Map<Long, Long> model = new TreeMap<>();
        for (long v = 0; v < N; v++) {
            model.merge(Math.floorDiv(timestamp(v), WINDOW), v, Long::sum);
        }
        assertThat(sums).as("one operator fires the windows in event-time order").containsExactlyElementsOf(model.values());
    }

    @Test
    void globalWindowsWithTheEndOfStreamTriggerEmitOneResultPerKeyWhenABoundedInputEnds() throws Exception {
        StreamExecutionEnvironment env = env();
        // no timestamps or watermarks at all: only the end of the input (the final watermark) fires
        List<Long> sums = env.fromSequence(1, N).keyBy(v -> v % 3).window(GlobalWindows.createWithEndOfStreamTrigger())
                .reduce(Long::sum).executeAndCollect("end of stream", Integer.MAX_VALUE);
        Map<Long, Long> model = new TreeMap<>();
        for (long v = 1; v <= N; v++) {
            model.merge(v % 3, v, Long::sum);
        }
        assertThat(sums).containsExactlyInAnyOrderElementsOf(model.values());
    }
}
