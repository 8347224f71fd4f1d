package dev.eddy.streaming.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.api.common.functions.RichReduceFunction;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.dag.OneInputTransformation;
import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.windowing.AllWindowFunction;
import dev.eddy.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.eddy.streaming.api.functions.windowing.WindowFunction;
import dev.eddy.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.eddy.streaming.api.windowing.assigners.GlobalWindows;
import dev.eddy.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.eddy.streaming.api.windowing.evictors.CountEvictor;
import dev.eddy.streaming.api.windowing.triggers.CountTrigger;
import dev.eddy.streaming.api.windowing.windows.GlobalWindow;
import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import dev.eddy.streaming.runtime.operators.windowing.EvictingWindowOperator;
import dev.eddy.streaming.runtime.operators.windowing.WindowOperator;
import dev.eddy.util.Collector;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowedStreamTest {
    private final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

    private KeyedStream<Tuple2<String, Long>, String> keyed() {
        return env.fromData(List.of(Tuple2.of("a", 1L)), Types.TUPLE(Types.STRING, Types.LONG)).keyBy(t -> t.f0);
    }

    static final class Average implements AggregateFunction<Tuple2<String, Long>, Tuple2<Long, Long>, Double> {
        @Override
        public Tuple2<Long, Long> createAccumulator() {
            return Tuple2.of(0L, 0L);
        }

        @Override
        public Tuple2<Long, Long> add(Tuple2<String, Long> v, Tuple2<Long, Long> acc) {
            return Tuple2.of(acc.f0 + v.f1, acc.f1 + 1);
        }

        @Override
        public Double getResult(Tuple2<Long, Long> acc) {
            return acc.f0 / (double) acc.f1;
        }

        @Override
        public Tuple2<Long, Long> merge(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
            return Tuple2.of(a.f0 + b.f0, a.f1 + b.f1);
        }
    }

    static final class Label extends ProcessWindowFunction<Double, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Double> in, Collector<String> out) {
            out.collect(key);
        }
    }

    static final class CountAll implements AllWindowFunction<Tuple2<String, Long>, Integer, TimeWindow> {
        @Override
        public void apply(TimeWindow window, Iterable<Tuple2<String, Long>> values, Collector<Integer> out) {
            out.collect(1);
        }
    }

    @Test
    void windowFunctionsGetTheirOutputTypesAndAKeyedWindowOperator() {
        WindowedStream<Tuple2<String, Long>, String, TimeWindow> w = keyed().window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)));
        SingleOutputStreamOperator<Double> avg = w.aggregate(new Average());
        assertThat(avg.getType()).isEqualTo(Types.DOUBLE);
        OneInputTransformation<?, ?> t = (OneInputTransformation<?, ?>) avg.getTransformation();
        assertThat(t.getOperator()).isInstanceOf(WindowOperator.class);
        assertThat(t.getStateKeySelector()).isNotNull();
        assertThat(t.getName()).startsWith("Window(TumblingEventTimeWindows(1000, 0), EventTimeTrigger");

        assertThat(keyed().window(TumblingEventTimeWindows.of(Duration.ofSeconds(1))).aggregate(new Average(), new Label()).getType())
                .isEqualTo(Types.STRING);
        assertThat(keyed().window(TumblingEventTimeWindows.of(Duration.ofSeconds(1))).sum(1).getType())
                .isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
        WindowFunction<Tuple2<String, Long>, Long, String, TimeWindow> count = new WindowFunction<>() {
            @Override
            public void apply(String key, TimeWindow window, Iterable<Tuple2<String, Long>> input, Collector<Long> out) {
                out.collect(1L);
            }
        };
        assertThat(keyed().window(TumblingEventTimeWindows.of(Duration.ofSeconds(1))).apply(count).getType()).isEqualTo(Types.LONG);
    }

    @Test
    void countWindowsUseGlobalWindowsWithCountTriggersAndEvictors() {
        OneInputTransformation<?, ?> tumbling = (OneInputTransformation<?, ?>) keyed().countWindow(3).sum(1).getTransformation();
        assertThat(tumbling.getOperator()).isInstanceOf(WindowOperator.class).isNotInstanceOf(EvictingWindowOperator.class);
        assertThat(tumbling.getName()).contains("GlobalWindows()", "PurgingTrigger");
        OneInputTransformation<?, ?> sliding = (OneInputTransformation<?, ?>) keyed().countWindow(3, 1).sum(1).getTransformation();
        assertThat(sliding.getOperator()).isInstanceOf(EvictingWindowOperator.class);
        assertThat(((EvictingWindowOperator<?, ?, ?, ?>) sliding.getOperator()).getEvictor()).isInstanceOf(CountEvictor.class);
    }

    @Test
    void allWindowsRunAtParallelismOne() {
        env.setParallelism(4);
        SingleOutputStreamOperator<Integer> out = env.fromData(List.of(Tuple2.of("a", 1L)), Types.TUPLE(Types.STRING, Types.LONG))
                .map(t -> t).returns(Types.TUPLE(Types.STRING, Types.LONG))
                .windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(1))).apply(new CountAll());
        assertThat(out.getParallelism()).isEqualTo(1);
        assertThat(out.getType()).isEqualTo(Types.INT);
        assertThat(((OneInputTransformation<?, ?>) out.getTransformation()).getStateKeySelector()).isNotNull();
    }

    @Test
    void invalidCombinationsAreRejectedAtBuildTime() {
        assertThatThrownBy(() -> keyed().window(EventTimeSessionWindows.withGap(Duration.ofSeconds(1)))
                .trigger(new NotMerging()))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("does not support merging");
        RichReduceFunction<Tuple2<String, Long>> rich = new RichReduceFunction<>() {
            @Override
            public Tuple2<String, Long> reduce(Tuple2<String, Long> a, Tuple2<String, Long> b) {
                return a;
            }
        };
        assertThatThrownBy(() -> keyed().window(TumblingEventTimeWindows.of(Duration.ofSeconds(1))).reduce(rich))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("cannot be a RichFunction");
        assertThatThrownBy(() -> keyed().window(TumblingEventTimeWindows.of(Duration.ofSeconds(1))).allowedLateness(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keyed().window(GlobalWindows.create()).trigger(CountTrigger.<GlobalWindow>of(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A trigger without merging support. */
    static final class NotMerging extends dev.eddy.streaming.api.windowing.triggers.Trigger<Object, TimeWindow> {
        @Override
        public dev.eddy.streaming.api.windowing.triggers.TriggerResult onElement(Object e, long ts, TimeWindow w, TriggerContext ctx) {
            return dev.eddy.streaming.api.windowing.triggers.TriggerResult.CONTINUE;
        }

        @Override
        public dev.eddy.streaming.api.windowing.triggers.TriggerResult onProcessingTime(long time, TimeWindow w, TriggerContext ctx) {
            return dev.eddy.streaming.api.windowing.triggers.TriggerResult.CONTINUE;
        }

        @Override
        public dev.eddy.streaming.api.windowing.triggers.TriggerResult onEventTime(long time, TimeWindow w, TriggerContext ctx) {
            return dev.eddy.streaming.api.windowing.triggers.TriggerResult.CONTINUE;
        }

        @Override
        public void clear(TimeWindow w, TriggerContext ctx) {}
    }
}
