package dev.eddy.minicluster.twoinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.state.ListState;
import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.ReadOnlyBroadcastState;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.streaming.api.datastream.BroadcastStream;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.co.BroadcastProcessFunction;
import dev.eddy.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.eddy.streaming.api.functions.co.ProcessJoinFunction;
import dev.eddy.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Broadcast state (keyed and non-keyed) and the interval join on the mini-cluster. */
class BroadcastAndIntervalJoinJobTest {
    static final MapStateDescriptor<String, Integer> RULES = new MapStateDescriptor<>("rules", Types.STRING, Types.INT);

    @Test
    void rulesBroadcastToAKeyedStreamAreAppliedByEverySubtask() throws Exception {
        StreamExecutionEnvironment env = JobTestSupport.localEnv(3);
        // Rules: word -> threshold. No watermarks before the end: timers fire only once both inputs
        // ended, i.e. after every rule reached every subtask.
        BroadcastStream<Tuple2<String, Integer>> rules = env.addSource(new JobTestSupport.TimedSource<>(
                        List.of(Tuple2.of("apple", 2), Tuple2.of("pear", 5), Tuple2.of("apple", 3)), List.of(0L, 0L, 0L),
                        Arrays.asList(null, null, null)), Types.TUPLE(Types.STRING, Types.INT))
                .broadcast(RULES);
        List<String> words = List.of("apple", "pear", "apple", "fig", "apple", "pear", "apple", "fig");
        List<Long> ts = new ArrayList<>();
        List<Long> noWatermarks = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            ts.add(10L + i);
            noWatermarks.add(null);
        }
        DataStream<String> events = env.addSource(new JobTestSupport.TimedSource<>(words, ts, noWatermarks), Types.STRING);

        List<String> out = events.keyBy(w -> w).connect(rules).process(new CountAgainstRule())
                .executeAndCollect("keyed broadcast", Integer.MAX_VALUE);

        // apple: 4 occurrences, last rule says 3; pear: 2 < 5; fig: no rule.
        assertThat(out).containsExactlyInAnyOrder("apple 4 >= 3", "pear 2 < 5", "fig has no rule");
    }

    @Test
    void everyParallelInstanceSeesEveryBroadcastRecord() throws Exception {
        StreamExecutionEnvironment env = JobTestSupport.localEnv(3);
        BroadcastStream<Tuple2<String, Integer>> rules =
                env.fromData(Tuple2.of("a", 1), Tuple2.of("b", 2)).broadcast(RULES);
        List<String> out = env.fromData("x").connect(rules).process(new AcknowledgeRules())
                .executeAndCollect("non-keyed broadcast", Integer.MAX_VALUE);

        assertThat(out).containsExactlyInAnyOrder("0:a", "0:b", "1:a", "1:b", "2:a", "2:b", "x");
    }

    @Test
    void intervalJoinMatchesOutOfOrderRecordsWithinTheBounds() throws Exception {
        StreamExecutionEnvironment env = JobTestSupport.localEnv(2);
        List<String> leftKeys = List.of("a", "b", "a", "a", "b", "a");
        List<Long> leftTs = List.of(10L, 5L, 3L, 20L, 18L, 14L);
        List<String> rightKeys = List.of("a", "a", "b", "a", "a", "b");
        List<Long> rightTs = List.of(12L, 1L, 7L, 9L, 22L, 30L);
        // Watermark = highest timestamp so far - 11: every record is at or after its input's watermark.
        DataStream<String> left = env.addSource(new JobTestSupport.TimedSource<>(leftKeys, leftTs,
                Arrays.asList(-1L, -1L, -1L, 9L, 9L, 9L)), Types.STRING);
        DataStream<String> right = env.addSource(new JobTestSupport.TimedSource<>(rightKeys, rightTs,
                Arrays.asList(1L, 1L, 1L, 1L, 11L, 19L)), Types.STRING);

        List<String> out = left.keyBy(k -> k).intervalJoin(right.keyBy(k -> k))
                .between(Duration.ofMillis(-2), Duration.ofMillis(3))
                .process(new DescribePair())
                .executeAndCollect("interval join", Integer.MAX_VALUE);

        // right.ts in [left.ts - 2, left.ts + 3], same key; output timestamp = max of both.
        assertThat(out).containsExactlyInAnyOrder(
                "a:10-12@12", "a:10-9@10", "a:3-1@3", "b:5-7@7", "a:20-22@22", "a:14-12@14");
    }

    @Test
    void intervalJoinWithExclusiveBounds() throws Exception {
        StreamExecutionEnvironment env = JobTestSupport.localEnv(1);
        DataStream<String> left = env.addSource(new JobTestSupport.TimedSource<>(List.of("k"), List.of(10L),
                Arrays.asList((Long) null)), Types.STRING);
        DataStream<String> right = env.addSource(new JobTestSupport.TimedSource<>(List.of("k", "k", "k", "k"),
                List.of(8L, 9L, 12L, 13L), Arrays.asList(null, null, null, null)), Types.STRING);

        List<String> out = left.keyBy(k -> k).intervalJoin(right.keyBy(k -> k))
                .between(Duration.ofMillis(-2), Duration.ofMillis(3)).lowerBoundExclusive().upperBoundExclusive()
                .process(new DescribePair())
                .executeAndCollect("interval join exclusive", Integer.MAX_VALUE);

        assertThat(out).containsExactlyInAnyOrder("k:10-9@10", "k:10-12@12");
    }

    /** Remembers each word's occurrences; when both inputs ended, compares the count with the word's rule. */
    static final class CountAgainstRule extends KeyedBroadcastProcessFunction<String, String, Tuple2<String, Integer>, String> {
        private static final long serialVersionUID = 1L;
        private transient ListState<Long> seen;

        @Override
        public void open(OpenContext ctx) {
            seen = getRuntimeContext().getListState(new ListStateDescriptor<>("seen", Types.LONG));
        }

        @Override
        public void processElement(String word, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            seen.add(ctx.timestamp());
            ctx.timerService().registerEventTimeTimer(100);
        }

        @Override
        public void processBroadcastElement(Tuple2<String, Integer> rule, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(RULES).put(rule.f0, rule.f1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            int count = 0;
            for (Long ignored : seen.get()) {
                count++;
            }
            ReadOnlyBroadcastState<String, Integer> rules = ctx.getBroadcastState(RULES);
            Integer threshold = rules.get(ctx.getCurrentKey());
            if (threshold == null) {
                out.collect(ctx.getCurrentKey() + " has no rule");
            } else {
                out.collect(ctx.getCurrentKey() + " " + count + (count >= threshold ? " >= " : " < ") + threshold);
            }
        }
    }

    static final class AcknowledgeRules extends BroadcastProcessFunction<String, Tuple2<String, Integer>, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) {
            out.collect(value);
        }

        @Override
        public void processBroadcastElement(Tuple2<String, Integer> rule, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(RULES).put(rule.f0, rule.f1);
            out.collect(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + ":" + rule.f0);
        }
    }

    static final class DescribePair extends ProcessJoinFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String left, String right, Context ctx, Collector<String> out) {
            out.collect(left + ":" + ctx.getLeftTimestamp() + "-" + ctx.getRightTimestamp() + "@" + ctx.getTimestamp());
        }
    }
}
