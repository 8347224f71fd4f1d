package dev.eddy.streaming.api.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.functions.FlatMapFunction;
import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.functions.MapFunction;
import dev.eddy.api.common.typeinfo.TypeHint;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.datastream.KeyedStream;
import dev.eddy.streaming.api.datastream.SingleOutputStreamOperator;
import dev.eddy.util.Collector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pipelines that rely on the real type extraction and field accessors, run by the test executor. */
@Timeout(30)
class TypedPipelinesTest {

    public static final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Integer>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(String value, Collector<Tuple2<String, Integer>> out) {
            for (String word : value.split(" ")) {
                out.collect(Tuple2.of(word, 1));
            }
        }
    }

    @Test
    void wordCountWithExtractedTypesAndPositionalSum() throws Exception {
        StreamExecutionEnvironment env = EnvironmentTest.testEnv();
        DataStream<String> lines = env.fromData("a b", "b c");
        assertThat(lines.getType()).isEqualTo(Types.STRING);
        KeyedStream<Tuple2<String, Integer>, String> keyed = lines.flatMap(new Tokenizer()).keyBy(t -> t.f0);
        assertThat(keyed.getKeyType()).isEqualTo(Types.STRING);
        List<Tuple2<String, Integer>> counts = keyed.sum(1).executeAndCollect(100);
        assertThat(counts).containsExactly(Tuple2.of("a", 1), Tuple2.of("b", 1), Tuple2.of("b", 2), Tuple2.of("c", 1));
    }

    private static List<Tuple3<String, Integer, String>> aggregate(String how) throws Exception {
        StreamExecutionEnvironment env = EnvironmentTest.testEnv();
        KeyedStream<Tuple3<String, Integer, String>, String> keyed = env.fromData(
                Tuple3.of("a", 3, "first"), Tuple3.of("a", 1, "second"), Tuple3.of("a", 5, "third"), Tuple3.of("a", 1, "fourth"))
                .keyBy(t -> t.f0);
        SingleOutputStreamOperator<Tuple3<String, Integer, String>> result;
        switch (how) {
            case "min": result = keyed.min(1); break;
            case "max": result = keyed.max("f1"); break;
            case "minBy": result = keyed.minBy(1); break;
            case "minByLast": result = keyed.minBy(1, false); break;
            case "maxBy": result = keyed.maxBy("f1"); break;
            default: result = keyed.sum("f1");
        }
        assertThat(result.getName()).isEqualTo("Keyed Aggregation");
        return result.executeAndCollect(100);
    }

    @Test
    void rollingAggregationsFollowFlinkSemantics() throws Exception {
        assertThat(aggregate("sum")).extracting(t -> t.f1 + t.f2).containsExactly("3first", "4first", "9first", "10first");
        assertThat(aggregate("min")).extracting(t -> t.f1 + t.f2).containsExactly("3first", "1first", "1first", "1first");
        assertThat(aggregate("max")).extracting(t -> t.f1 + t.f2).containsExactly("3first", "3first", "5first", "5first");
        assertThat(aggregate("minBy")).extracting(t -> t.f1 + t.f2).containsExactly("3first", "1second", "1second", "1second");
        assertThat(aggregate("minByLast")).extracting(t -> t.f1 + t.f2).containsExactly("3first", "1second", "1second", "1fourth");
        assertThat(aggregate("maxBy")).extracting(t -> t.f1 + t.f2).containsExactly("3first", "3first", "5third", "5third");
    }

    @Test
    void lambdaWithGenericResultNeedsReturns() throws Exception {
        StreamExecutionEnvironment env = EnvironmentTest.testEnv();
        SingleOutputStreamOperator<Tuple2<String, Integer>> pairs =
                env.fromData("x", "yy").map((MapFunction<String, Tuple2<String, Integer>>) s -> Tuple2.of(s, s.length()));
        assertThatThrownBy(pairs::getType).isInstanceOf(InvalidTypesException.class);
        assertThatThrownBy(() -> pairs.keyBy(t -> t.f0)).isInstanceOf(InvalidTypesException.class);
        pairs.returns(new TypeHint<Tuple2<String, Integer>>() {});
        assertThat(pairs.getType()).isEqualTo(Types.TUPLE(Types.STRING, Types.INT));
        assertThat(pairs.executeAndCollect(10)).containsExactly(Tuple2.of("x", 1), Tuple2.of("yy", 2));
    }

    @Test
    void simpleLambdaTypesAreExtracted() {
        StreamExecutionEnvironment env = EnvironmentTest.testEnv();
        DataStream<Integer> lengths = env.fromData("x", "yy").map(String::length);
        assertThat(lengths.getType()).isEqualTo(Types.INT);
    }

    @Test
    void sequenceSourceEmitsTheWholeRange() throws Exception {
        StreamExecutionEnvironment env = EnvironmentTest.testEnv();
        DataStream<Long> seq = env.fromSequence(1, 10);
        assertThat(seq.getType()).isEqualTo(Types.LONG);
        assertThat(seq.getTransformation().getName()).isEqualTo("Source: Sequence Source");
        assertThat(seq.executeAndCollect(100)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThatThrownBy(() -> env.fromSequence(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arrayKeysAreRejected() {
        StreamExecutionEnvironment env = EnvironmentTest.testEnv();
        assertThatThrownBy(() -> env.fromData("a").keyBy(s -> s.getBytes()))
                .isInstanceOf(InvalidTypesException.class).hasMessageContaining("cannot be used as key");
    }
}
