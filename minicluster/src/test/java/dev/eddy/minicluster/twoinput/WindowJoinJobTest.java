package dev.eddy.minicluster.twoinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.functions.CoGroupFunction;
import dev.eddy.api.common.functions.FlatJoinFunction;
import dev.eddy.api.common.functions.JoinFunction;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.eddy.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Window join and coGroup (tumbling event-time windows of 10 ms) with exact outputs. */
class WindowJoinJobTest {
    // (key, value) at the given timestamps; windows [0,10) and [10,20).
    static final List<Tuple2<String, Integer>> LEFT = List.of(Tuple2.of("a", 1), Tuple2.of("b", 2), Tuple2.of("a", 3),
            Tuple2.of("a", 11), Tuple2.of("c", 12));
    static final List<Long> LEFT_TS = List.of(1L, 2L, 8L, 11L, 15L);
    static final List<Tuple2<String, Integer>> RIGHT = List.of(Tuple2.of("a", 100), Tuple2.of("a", 200), Tuple2.of("b", 300),
            Tuple2.of("c", 400), Tuple2.of("d", 500));
    static final List<Long> RIGHT_TS = List.of(5L, 12L, 9L, 3L, 19L);

    private static DataStream<Tuple2<String, Integer>> source(StreamExecutionEnvironment env, List<Tuple2<String, Integer>> data,
            List<Long> ts) {
        Long[] none = new Long[data.size()];
        return env.addSource(new JobTestSupport.TimedSource<>(data, ts, Arrays.asList(none)), Types.TUPLE(Types.STRING, Types.INT));
    }

    @Test
    void windowJoinPairsRecordsWithEqualKeysInTheSameWindow() throws Exception {
        StreamExecutionEnvironment env = JobTestSupport.localEnv(2);
        List<String> out = source(env, LEFT, LEFT_TS).join(source(env, RIGHT, RIGHT_TS))
                .where(t -> t.f0).equalTo(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .apply(new Concat())
                .executeAndCollect("window join", Integer.MAX_VALUE);

        // [0,10): a{1,3} x a{100}, b{2} x b{300}; c's 400 has no left partner there. [10,20): a{11} x a{200}.
        assertThat(out).containsExactlyInAnyOrder("a:1+100", "a:3+100", "b:2+300", "a:11+200");
    }

    @Test
    void flatJoinMayEmitAnyNumberOfResultsPerPair() throws Exception {
        StreamExecutionEnvironment env = JobTestSupport.localEnv(1);
        List<Integer> out = source(env, LEFT, LEFT_TS).join(source(env, RIGHT, RIGHT_TS))
                .where(t -> t.f0).equalTo(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .apply(new SumIfAbove(150), Types.INT)
                .executeAndCollect("flat join", Integer.MAX_VALUE);

        assertThat(out).containsExactlyInAnyOrder(302, 211);
    }

    @Test
    void coGroupSeesBothGroupsEvenWhenOneIsEmpty() throws Exception {
        StreamExecutionEnvironment env = JobTestSupport.localEnv(2);
        List<String> out = source(env, LEFT, LEFT_TS).coGroup(source(env, RIGHT, RIGHT_TS))
                .where(t -> t.f0).equalTo(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .apply(new Describe())
                .executeAndCollect("coGroup", Integer.MAX_VALUE);

        assertThat(out).containsExactlyInAnyOrder("a [1, 3] [100]", "b [2] [300]", "c [] [400]",
                "a [11] [200]", "c [12] []", "d [] [500]");
    }

    static final class Concat implements JoinFunction<Tuple2<String, Integer>, Tuple2<String, Integer>, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String join(Tuple2<String, Integer> first, Tuple2<String, Integer> second) {
            return first.f0 + ":" + first.f1 + "+" + second.f1;
        }
    }

    static final class SumIfAbove implements FlatJoinFunction<Tuple2<String, Integer>, Tuple2<String, Integer>, Integer> {
        private static final long serialVersionUID = 1L;
        private final int threshold;

        SumIfAbove(int threshold) {
            this.threshold = threshold;
        }

        @Override
        public void join(Tuple2<String, Integer> first, Tuple2<String, Integer> second, Collector<Integer> out) {
            if (second.f1 > threshold) {
                out.collect(first.f1 + second.f1);
            }
        }
    }

    static final class Describe implements CoGroupFunction<Tuple2<String, Integer>, Tuple2<String, Integer>, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void coGroup(Iterable<Tuple2<String, Integer>> first, Iterable<Tuple2<String, Integer>> second, Collector<String> out) {
            String key = null;
            List<Integer> ones = new ArrayList<>();
            List<Integer> twos = new ArrayList<>();
            for (Tuple2<String, Integer> t : first) {
                key = t.f0;
                ones.add(t.f1);
            }
            for (Tuple2<String, Integer> t : second) {
                key = t.f0;
                twos.add(t.f1);
            }
            ones.sort(null);
            twos.sort(null);
            out.collect(key + " " + ones + " " + twos);
        }
    }
}
