package dev.eddy.minicluster.twoinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.co.CoFlatMapFunction;
import dev.eddy.streaming.api.functions.co.CoMapFunction;
import dev.eddy.streaming.api.functions.co.CoProcessFunction;
import dev.eddy.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.eddy.util.Collector;
import dev.eddy.util.OutputTag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** connect(): co-map, co-flat-map, co-process (with side output) and keyed co-process with state and timers. */
class ConnectedStreamsJobTest {
    static final OutputTag<String> REJECTED = new OutputTag<>("rejected", Types.STRING);

    @Test
    void coMapAndCoFlatMapSeeEveryRecordOfBothInputs() throws Exception {
        StreamExecutionEnvironment env = JobTestSupport.localEnv(2);
        DataStream<Long> numbers = env.fromSequence(1, 50);
        DataStream<String> words = env.fromData("a", "bb", "ccc");

        DataStream<String> mapped = numbers.connect(words).map(new Prefix());
        DataStream<String> flat = numbers.connect(words).flatMap(new TensAndChars());

        List<String> out = mapped.union(flat).executeAndCollect("co-map", Integer.MAX_VALUE);

        List<String> expected = new ArrayList<>();
        LongStream.rangeClosed(1, 50).forEach(v -> expected.add("n" + v));
        expected.addAll(List.of("wa", "wbb", "wccc", "ten10", "ten20", "ten30", "ten40", "ten50", "cha", "chb", "chb", "chc", "chc", "chc"));
        assertThat(out).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void keyedCoProcessSharesKeyedStateBetweenInputs() throws Exception {
        StreamExecutionEnvironment env = JobTestSupport.localEnv(3);
        DataStream<Tuple2<String, Integer>> credits = env.fromData(Tuple2.of("x", 5), Tuple2.of("y", 7), Tuple2.of("z", 1));
        DataStream<String> lookups = env.fromData("x", "y", "z", "w");
        // Only the keyed operator decides what a lookup sees; records of both inputs meet per key.
        List<String> out = credits.connect(lookups).keyBy(t -> t.f0, s -> s).process(new CreditLookup())
                .executeAndCollect("keyed co-process state", Integer.MAX_VALUE);

        assertThat(out).containsExactlyInAnyOrder("x=5", "y=7", "z=1");
    }

    @Test
    void coProcessEmitsToMainAndSideOutputs() throws Exception {
        StreamExecutionEnvironment env = JobTestSupport.localEnv(2);
        DataStream<Long> numbers = env.fromSequence(1, 6);
        DataStream<String> words = env.fromData("ok", "", "fine");
        var processed = numbers.connect(words).process(new RejectSome());
        List<String> out = processed.union(processed.getSideOutput(REJECTED).map(s -> "rejected:" + s))
                .executeAndCollect("co-process", Integer.MAX_VALUE);

        assertThat(out).containsExactlyInAnyOrder("n1", "n2", "n4", "n5", "ok", "fine",
                "rejected:n3", "rejected:n6", "rejected:empty word");
    }

    @Test
    void keyedCoProcessTimersFireOnTheCombinedWatermark() throws Exception {
        StreamExecutionEnvironment env = JobTestSupport.localEnv(1);
        // Orders (key, ts) and payments (key, ts); an order unpaid when the watermark passes ts + 10 times out.
        DataStream<String> orders = env.addSource(new JobTestSupport.TimedSource<>(List.of("a", "b", "c"),
                List.of(1L, 2L, 3L), Arrays.asList(null, null, 100L)), Types.STRING);
        DataStream<String> payments = env.addSource(new JobTestSupport.TimedSource<>(List.of("b"),
                List.of(5L), List.of(8L)), Types.STRING);
        List<String> out = orders.keyBy(s -> s).connect(payments.keyBy(s -> s)).process(new Timeouts())
                .executeAndCollect("keyed co-process timers", Integer.MAX_VALUE);

        // Order input's watermark 100 alone cannot fire them: the payments input holds event time at 8
        // until it ends (MAX_WATERMARK). Then a and c time out; b was paid.
        assertThat(out).containsExactlyInAnyOrder("paid b", "timeout a@11", "timeout c@13");
    }

    static final class Timeouts extends KeyedCoProcessFunction<String, String, String, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> deadline;
        private transient ValueState<Boolean> paid;

        @Override
        public void open(OpenContext ctx) {
            deadline = getRuntimeContext().getState(new ValueStateDescriptor<>("deadline", Types.LONG));
            paid = getRuntimeContext().getState(new ValueStateDescriptor<>("paid", Types.BOOLEAN));
        }

        @Override
        public void processElement1(String order, Context ctx, Collector<String> out) throws Exception {
            long at = ctx.timestamp() + 10;
            deadline.update(at);
            ctx.timerService().registerEventTimeTimer(at);
        }

        @Override
        public void processElement2(String payment, Context ctx, Collector<String> out) throws Exception {
            // The inputs race: the payment may come before or after its order.
            paid.update(true);
            Long at = deadline.value();
            if (at != null) {
                ctx.timerService().deleteEventTimeTimer(at);
            }
            out.collect("paid " + ctx.getCurrentKey());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            if (paid.value() == null) {
                out.collect("timeout " + ctx.getCurrentKey() + "@" + timestamp);
            }
        }
    }

    static final class Prefix implements CoMapFunction<Long, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String map1(Long value) {
            return "n" + value;
        }

        @Override
        public String map2(String value) {
            return "w" + value;
        }
    }

    static final class TensAndChars implements CoFlatMapFunction<Long, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap1(Long value, Collector<String> out) {
            if (value % 10 == 0) {
                out.collect("ten" + value);
            }
        }

        @Override
        public void flatMap2(String value, Collector<String> out) {
            for (char c : value.toCharArray()) {
                out.collect("ch" + c);
            }
        }
    }

    /** Answers a lookup with the key's credit once both have arrived, whichever comes first. */
    static final class CreditLookup extends KeyedCoProcessFunction<String, Tuple2<String, Integer>, String, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Integer> credit;
        private transient ValueState<Boolean> asked;

        @Override
        public void open(OpenContext ctx) {
            credit = getRuntimeContext().getState(new ValueStateDescriptor<>("credit", Types.INT));
            asked = getRuntimeContext().getState(new ValueStateDescriptor<>("asked", Types.BOOLEAN));
        }

        @Override
        public void processElement1(Tuple2<String, Integer> value, Context ctx, Collector<String> out) throws Exception {
            credit.update(value.f1);
            if (asked.value() != null) {
                out.collect(ctx.getCurrentKey() + "=" + value.f1);
            }
        }

        @Override
        public void processElement2(String value, Context ctx, Collector<String> out) throws Exception {
            asked.update(true);
            if (credit.value() != null) {
                out.collect(ctx.getCurrentKey() + "=" + credit.value());
            }
        }
    }

    static final class RejectSome extends CoProcessFunction<Long, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement1(Long value, Context ctx, Collector<String> out) {
            if (value % 3 == 0) {
                ctx.output(REJECTED, "n" + value);
            } else {
                out.collect("n" + value);
            }
        }

        @Override
        public void processElement2(String value, Context ctx, Collector<String> out) {
            if (value.isEmpty()) {
                ctx.output(REJECTED, "empty word");
            } else {
                out.collect(value);
            }
        }
    }
}
