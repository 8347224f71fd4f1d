package dev.eddy.streaming.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.api.common.functions.FlatMapFunction;
import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.functions.MapFunction;
import dev.eddy.api.common.functions.Partitioner;
import dev.eddy.api.common.functions.ReduceFunction;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.connector.source.Boundedness;
import dev.eddy.api.connector.source.Source;
import dev.eddy.api.connector.source.SourceReader;
import dev.eddy.api.connector.source.SourceReaderContext;
import dev.eddy.api.connector.source.SourceSplit;
import dev.eddy.api.connector.source.SplitEnumerator;
import dev.eddy.api.connector.source.SplitEnumeratorContext;
import dev.eddy.core.io.SimpleVersionedSerializer;
import dev.eddy.api.dag.OneInputTransformation;
import dev.eddy.api.dag.PartitionTransformation;
import dev.eddy.api.dag.SourceTransformation;
import dev.eddy.api.dag.Transformation;
import dev.eddy.api.dag.UnionTransformation;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.api.java.typeutils.ResultTypeQueryable;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.KeyedProcessFunction;
import dev.eddy.streaming.api.functions.ProcessFunction;
import dev.eddy.streaming.api.functions.sink.legacy.DiscardingSink;
import dev.eddy.streaming.api.functions.source.legacy.ParallelSourceFunction;
import dev.eddy.streaming.api.functions.source.legacy.SourceFunction;
import dev.eddy.streaming.api.operators.ChainingStrategy;
import dev.eddy.streaming.api.operators.KeyedProcessOperator;
import dev.eddy.streaming.api.operators.ProcessOperator;
import dev.eddy.streaming.api.operators.StreamFilter;
import dev.eddy.streaming.api.operators.StreamFlatMap;
import dev.eddy.streaming.api.operators.StreamGroupedReduceOperator;
import dev.eddy.streaming.api.operators.StreamMap;
import dev.eddy.streaming.api.operators.StreamSink;
import dev.eddy.streaming.api.operators.StreamSource;
import dev.eddy.streaming.api.operators.source.SourceReaderOperator;
import dev.eddy.streaming.runtime.partitioner.KeyGroupStreamPartitioner;
import dev.eddy.streaming.runtime.partitioner.PartitionKind;
import dev.eddy.streaming.util.TestTypes;
import dev.eddy.util.Collector;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataStreamTransformationsTest {
    private final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

    private DataStreamSource<Integer> ints() {
        return env.fromData(List.of(1, 2, 3), TestTypes.INT);
    }

    @Test
    void collectionSourceIsNonParallelAndBounded() {
        DataStreamSource<Integer> src = ints();
        SourceTransformation<?> t = (SourceTransformation<?>) src.getTransformation();
        assertThat(t.getName()).isEqualTo("Source: Collection Source");
        assertThat(t.getParallelism()).isEqualTo(1);
        assertThat(t.isBounded()).isTrue();
        assertThat(t.getOperator()).isInstanceOf(StreamSource.class);
        assertThat(src.isParallel()).isFalse();
        assertThatThrownBy(() -> src.setParallelism(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non parallel");
        assertThat(src.setParallelism(1).getParallelism()).isEqualTo(1);
        assertThat(env.getTransformations()).containsExactly(t);
    }

    @Test
    void operatorsGetFlinkNamesInputsAndTheEnvironmentParallelism() {
        DataStreamSource<Integer> src = ints();
        SingleOutputStreamOperator<String> mapped = src.map((MapFunction<Integer, String>) String::valueOf, TestTypes.STRING);
        assertThat(mapped.getParallelism()).isEqualTo(Transformation.DEFAULT_PARALLELISM);
        env.setParallelism(4);
        SingleOutputStreamOperator<String> flat = mapped.flatMap(
                (FlatMapFunction<String, String>) (v, out) -> out.collect(v), TestTypes.STRING);
        SingleOutputStreamOperator<String> filtered = flat.filter(v -> !v.isEmpty());
        SingleOutputStreamOperator<Long> processed = filtered.process(new Length(), TestTypes.LONG);

        assertThat(List.of(mapped.getName(), flat.getName(), filtered.getName(), processed.getName()))
                .containsExactly("Map", "Flat Map", "Filter", "Process");
        assertThat(flat.getParallelism()).isEqualTo(4);
        assertThat(filtered.getType()).isEqualTo(TestTypes.STRING);
        OneInputTransformation<?, ?> p = (OneInputTransformation<?, ?>) processed.getTransformation();
        assertThat(p.getOperator()).isInstanceOf(ProcessOperator.class);
        assertThat(p.getInput()).isSameAs(filtered.getTransformation());
        assertThat(p.getStateKeySelector()).isNull();
        assertThat(((OneInputTransformation<?, ?>) mapped.getTransformation()).getOperator()).isInstanceOf(StreamMap.class);
        assertThat(((OneInputTransformation<?, ?>) flat.getTransformation()).getOperator()).isInstanceOf(StreamFlatMap.class);
        assertThat(((OneInputTransformation<?, ?>) filtered.getTransformation()).getOperator()).isInstanceOf(StreamFilter.class);
        assertThat(env.getTransformations()).hasSize(5);
    }

    @Test
    void operatorSettingsAreRecordedOnTheTransformation() {
        SingleOutputStreamOperator<Integer> op = ints().filter(v -> true)
                .name("f").uid("f-uid").setParallelism(3).setMaxParallelism(64)
                .slotSharingGroup("g").setBufferTimeout(7).disableChaining();
        Transformation<Integer> t = op.getTransformation();
        assertThat(t.getName()).isEqualTo("f");
        assertThat(t.getUid()).isEqualTo("f-uid");
        assertThat(t.getParallelism()).isEqualTo(3);
        assertThat(t.isParallelismConfigured()).isTrue();
        assertThat(t.getMaxParallelism()).isEqualTo(64);
        assertThat(t.getSlotSharingGroup()).isEqualTo("g");
        assertThat(t.getBufferTimeout()).isEqualTo(7);
        assertThat(t.getChainingStrategy()).isEqualTo(ChainingStrategy.NEVER);
        assertThat(op.startNewChain().getTransformation().getChainingStrategy()).isEqualTo(ChainingStrategy.HEAD);
        assertThatThrownBy(() -> op.setParallelism(65)).hasMessageContaining("max parallelism");
        assertThatThrownBy(() -> op.setParallelism(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyByMakesDownstreamOperatorsKeyed() {
        env.setMaxParallelism(256);
        KeySelector<Integer, Integer> parity = v -> v % 2;
        KeyedStream<Integer, Integer> keyed = ints().keyBy(parity, TestTypes.INT);
        PartitionTransformation<?> pt = (PartitionTransformation<?>) keyed.getTransformation();
        assertThat(pt.getPartitioner()).isInstanceOf(KeyGroupStreamPartitioner.class);
        assertThat(((KeyGroupStreamPartitioner<?, ?>) pt.getPartitioner()).getMaxParallelism()).isEqualTo(256);
        assertThat(keyed.getKeySelector()).isSameAs(parity);
        assertThat(keyed.getKeyType()).isEqualTo(TestTypes.INT);

        SingleOutputStreamOperator<String> processed = keyed.process(new Describe(), TestTypes.STRING);
        OneInputTransformation<?, ?> kp = (OneInputTransformation<?, ?>) processed.getTransformation();
        assertThat(kp.getName()).isEqualTo("KeyedProcess");
        assertThat(kp.getOperator()).isInstanceOf(KeyedProcessOperator.class);
        assertThat(kp.getStateKeySelector()).isSameAs(parity);
        assertThat(kp.getStateKeyType()).isEqualTo(TestTypes.INT);
        assertThat(kp.getInput()).isSameAs(pt);

        ReduceFunction<Integer> sum = Integer::sum;
        OneInputTransformation<?, ?> reduce = (OneInputTransformation<?, ?>) keyed.reduce(sum).getTransformation();
        assertThat(reduce.getName()).isEqualTo("Keyed Reduce");
        assertThat(reduce.getOperator()).isInstanceOf(StreamGroupedReduceOperator.class);
        assertThat(reduce.getStateKeySelector()).isSameAs(parity);

        OneInputTransformation<?, ?> mapAfterKeyBy = (OneInputTransformation<?, ?>) keyed
                .map((MapFunction<Integer, Integer>) v -> v, TestTypes.INT).getTransformation();
        assertThat(mapAfterKeyBy.getStateKeySelector()).isSameAs(parity);

        DataStreamSink<Integer> sink = keyed.addSink(new DiscardingSink<>());
        assertThat(((OneInputTransformation<?, ?>) sink.getTransformation()).getStateKeySelector()).isSameAs(parity);
    }

    @Test
    void keysMustBeUsableAsKeys() {
        assertThatThrownBy(() -> ints().keyBy(v -> new int[] {v}, TestTypes.of(int[].class)))
                .isInstanceOf(InvalidTypesException.class).hasMessageContaining("cannot be used as key");
        assertThatThrownBy(() -> ints().keyBy(v -> v, TestTypes.nonKey(Integer.class)))
                .isInstanceOf(InvalidTypesException.class).hasMessageContaining("cannot be used as key");
    }

    @Test
    void partitioningMethodsAddPartitionTransformations() {
        DataStreamSource<Integer> src = ints();
        Partitioner<Integer> p = (k, n) -> 0;
        assertThat(kind(src.rebalance())).isEqualTo(PartitionKind.REBALANCE);
        assertThat(kind(src.rescale())).isEqualTo(PartitionKind.RESCALE);
        assertThat(kind(src.shuffle())).isEqualTo(PartitionKind.SHUFFLE);
        assertThat(kind(src.forward())).isEqualTo(PartitionKind.FORWARD);
        assertThat(kind(src.broadcast())).isEqualTo(PartitionKind.BROADCAST);
        assertThat(kind(src.global())).isEqualTo(PartitionKind.GLOBAL);
        assertThat(kind(src.partitionCustom(p, v -> v))).isEqualTo(PartitionKind.CUSTOM);
        assertThat(src.rebalance().getType()).isEqualTo(TestTypes.INT);
        assertThat(env.getTransformations()).hasSize(1);
    }

    private static PartitionKind kind(DataStream<?> s) {
        return ((PartitionTransformation<?>) s.getTransformation()).getPartitioner().kind();
    }

    @Test
    void unionNeedsEqualTypes() {
        DataStream<Integer> u = ints().union(ints(), ints());
        assertThat(u.getTransformation()).isInstanceOf(UnionTransformation.class);
        assertThat(u.getTransformation().getInputs()).hasSize(3);
        DataStream<String> strings = env.fromData(List.of("a"), TestTypes.STRING);
        @SuppressWarnings({"unchecked", "rawtypes"})
        DataStream<Integer> wrong = (DataStream) strings;
        assertThatThrownBy(() -> ints().union(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different types");
    }

    @Test
    void sinksAreNamedLikeFlink() {
        DataStreamSource<Integer> src = ints();
        assertThat(src.print().getName()).isEqualTo("Sink: Print to Std. Out");
        assertThat(src.printToErr().getName()).isEqualTo("Sink: Print to Std. Err");
        DataStreamSink<Integer> unnamed = src.addSink(new DiscardingSink<>());
        assertThat(unnamed.getName()).isEqualTo("Sink: Unnamed");
        assertThat(unnamed.name("out").setParallelism(2).slotSharingGroup("s").getName()).isEqualTo("Sink: out");
        assertThat(unnamed.getTransformation().getParallelism()).isEqualTo(2);
        assertThat(((OneInputTransformation<?, ?>) unnamed.getTransformation()).getOperator()).isInstanceOf(StreamSink.class);
        assertThat(unnamed.disableChaining().getTransformation().getChainingStrategy()).isEqualTo(ChainingStrategy.NEVER);
        assertThat(src.name("numbers").getName()).isEqualTo("Source: numbers");
    }

    @Test
    void legacySourcesAreParallelOnlyWhenDeclared() {
        env.setParallelism(3);
        DataStreamSource<Integer> single = env.addSource(new OneShot(), "one", TestTypes.INT);
        assertThat(single.getName()).isEqualTo("Source: one");
        assertThat(single.getParallelism()).isEqualTo(1);
        assertThat(((SourceTransformation<?>) single.getTransformation()).isBounded()).isFalse();
        assertThatThrownBy(() -> single.setParallelism(3)).isInstanceOf(IllegalArgumentException.class);
        DataStreamSource<Integer> parallel = env.addSource(new ParallelOneShot(), TestTypes.INT);
        assertThat(parallel.getName()).isEqualTo("Source: Custom Source");
        assertThat(parallel.getParallelism()).isEqualTo(3);
        assertThat(parallel.setParallelism(5).getParallelism()).isEqualTo(5);
    }

    @Test
    void fromSourceTakesTheTypeFromTheSourceOrReportsItMissing() {
        DataStreamSource<String> typed = env.fromSource(new TypedSource(), WatermarkStrategy.noWatermarks(), "typed");
        assertThat(typed.getType()).isEqualTo(TestTypes.STRING);
        SourceTransformation<?> t = (SourceTransformation<?>) typed.getTransformation();
        assertThat(t.getName()).isEqualTo("Source: typed");
        assertThat(t.getOperator()).isInstanceOf(SourceReaderOperator.class);
        assertThat(t.isBounded()).isTrue();

        DataStreamSource<String> untyped = env.fromSource(new UntypedSource(), WatermarkStrategy.noWatermarks(), "untyped");
        assertThatThrownBy(untyped::getType).isInstanceOf(InvalidTypesException.class)
                .hasMessageContaining("ResultTypeQueryable");
        assertThatThrownBy(() -> untyped.map((MapFunction<String, String>) v -> v, TestTypes.STRING))
                .isInstanceOf(InvalidTypesException.class);
        untyped.returns(TestTypes.STRING);
        assertThat(untyped.getType()).isEqualTo(TestTypes.STRING);
        assertThat(((SourceTransformation<?>) untyped.getTransformation()).isBounded()).isFalse();
        assertThat(env.fromSource(new UntypedSource(), WatermarkStrategy.noWatermarks(), "explicit", TestTypes.STRING)
                .getType()).isEqualTo(TestTypes.STRING);
    }

    static final class Length extends ProcessFunction<String, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String value, Context ctx, Collector<Long> out) {
            out.collect((long) value.length());
        }
    }

    static final class Describe extends KeyedProcessFunction<Integer, Integer, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Integer value, Context ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + ":" + value);
        }
    }

    static class OneShot implements SourceFunction<Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public void run(SourceContext<Integer> ctx) {
            ctx.collect(1);
        }

        @Override
        public void cancel() {}
    }

    static final class ParallelOneShot extends OneShot implements ParallelSourceFunction<Integer> {
        private static final long serialVersionUID = 1L;
    }

    static final class TypedSource extends StubSource implements ResultTypeQueryable<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public Boundedness getBoundedness() {
            return Boundedness.BOUNDED;
        }

        @Override
        public TypeInformation<String> getProducedType() {
            return TestTypes.STRING;
        }
    }

    static final class UntypedSource extends StubSource {
        private static final long serialVersionUID = 1L;

        @Override
        public Boundedness getBoundedness() {
            return Boundedness.CONTINUOUS_UNBOUNDED;
        }
    }

    /** A Source whose factory methods are never called by these tests. */
    abstract static class StubSource implements Source<String, SourceSplit, Void> {
        private static final long serialVersionUID = 1L;

        @Override
        public SourceReader<String, SourceSplit> createReader(SourceReaderContext readerContext) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SplitEnumerator<SourceSplit, Void> createEnumerator(SplitEnumeratorContext<SourceSplit> enumContext) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SplitEnumerator<SourceSplit, Void> restoreEnumerator(SplitEnumeratorContext<SourceSplit> enumContext,
                Void checkpoint) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SimpleVersionedSerializer<SourceSplit> getSplitSerializer() {
            throw new UnsupportedOperationException();
        }

        @Override
        public SimpleVersionedSerializer<Void> getEnumeratorCheckpointSerializer() {
            throw new UnsupportedOperationException();
        }
    }
}
