package dev.eddy.minicluster.twoinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.datastream.SingleOutputStreamOperator;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.KeyedProcessFunction;
import dev.eddy.streaming.api.functions.ProcessFunction;
import dev.eddy.util.Collector;
import dev.eddy.util.OutputTag;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Side outputs on the mini-cluster: chained and network consumers, two tags, unread tags, watermarks. */
class SideOutputJobTest {
    static final OutputTag<Long> ODD = new OutputTag<Long>("odd") {};
    static final OutputTag<String> FIVES = new OutputTag<>("fives", Types.STRING);
    static final OutputTag<Long> UNREAD = new OutputTag<Long>("unread") {};

    @Test
    void routesEachTagToItsChainedAndNetworkConsumers() throws Exception {
        StreamExecutionEnvironment env = JobTestSupport.localEnv(2);
        SingleOutputStreamOperator<Long> split = env.fromSequence(0, 99).process(new Splitter());

        DataStream<String> main = split.map(v -> "even:" + v);
        DataStream<String> oddChained = split.getSideOutput(ODD).map(v -> "odd-chained:" + v);
        DataStream<String> oddNetwork = split.getSideOutput(ODD).rebalance().map(v -> "odd-network:" + v).setParallelism(3);
        DataStream<String> fives = split.getSideOutput(FIVES).keyBy(s -> s).map(s -> "five:" + s);

        List<String> out = main.union(oddChained, oddNetwork, fives).executeAndCollect("side outputs", Integer.MAX_VALUE);

        List<String> expected = new ArrayList<>();
        LongStream.range(0, 100).forEach(v -> {
            expected.add(v % 2 == 0 ? "even:" + v : "odd-chained:" + v);
            if (v % 2 == 1) {
                expected.add("odd-network:" + v);
            }
            if (v % 5 == 0) {
                expected.add("five:" + v);
            }
        });
        assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void onlyTheSideOutputIsConsumedAndItCarriesWatermarks() throws Exception {
        StreamExecutionEnvironment env = JobTestSupport.localEnv(1);
        DataStream<Long> timed = env.addSource(new JobTestSupport.TimedSource<>(List.of(1L, 2L, 3L, 4L),
                List.of(10L, 20L, 30L, 40L), java.util.Arrays.asList(10L, 20L, 30L, 40L)), Types.LONG);
        SingleOutputStreamOperator<Long> split = timed.process(new Splitter());
        // The timers fire only when the watermark passes them: it must travel down the side output.
        List<String> out = split.getSideOutput(ODD).keyBy(v -> v % 2).process(new FireAtTimestamp())
                .executeAndCollect("side output watermarks", Integer.MAX_VALUE);

        assertThat(out).containsExactly("1@10 fired at watermark 20", "3@30 fired at watermark 40");
    }

    /** Evens to the main output, odds to ODD, multiples of five to FIVES, everything to UNREAD. */
    static final class Splitter extends ProcessFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            if (value % 2 == 0) {
                out.collect(value);
            } else {
                ctx.output(ODD, value);
            }
            if (value % 5 == 0) {
                ctx.output(FIVES, String.valueOf(value));
            }
            ctx.output(UNREAD, value);
        }
    }

    /** Registers an event-time timer one after each element's timestamp and reports it when it fires. */
    static final class FireAtTimestamp extends KeyedProcessFunction<Long, Long, String> {
        private static final long serialVersionUID = 1L;
        private final java.util.Map<Long, Long> pending = new java.util.HashMap<>();

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) {
            pending.put(ctx.timestamp() + 1, value);
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            long value = pending.remove(timestamp);
            out.collect(value + "@" + (timestamp - 1) + " fired at watermark " + ctx.timerService().currentWatermark());
        }
    }
}
