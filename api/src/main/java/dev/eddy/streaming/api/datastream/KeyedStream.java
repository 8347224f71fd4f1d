package dev.eddy.streaming.api.datastream;

import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.functions.ReduceFunction;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.dag.OneInputTransformation;
import dev.eddy.api.dag.PartitionTransformation;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.api.java.typeutils.TypeExtractor;
import dev.eddy.streaming.api.functions.KeyedProcessFunction;
import dev.eddy.streaming.api.functions.aggregation.AggregationFunction;
import dev.eddy.streaming.api.functions.aggregation.AggregationFunction.AggregationType;
import dev.eddy.streaming.api.functions.aggregation.ComparableAggregator;
import dev.eddy.streaming.api.functions.aggregation.SumAggregator;
import dev.eddy.streaming.api.operators.KeyedProcessOperator;
import dev.eddy.streaming.api.operators.StreamGroupedReduceOperator;
import dev.eddy.streaming.runtime.partitioner.KeyGroupStreamPartitioner;
import dev.eddy.streaming.api.windowing.assigners.GlobalWindows;
import dev.eddy.streaming.api.windowing.assigners.WindowAssigner;
import dev.eddy.streaming.api.windowing.evictors.CountEvictor;
import dev.eddy.streaming.api.windowing.triggers.CountTrigger;
import dev.eddy.streaming.api.windowing.triggers.PurgingTrigger;
import dev.eddy.streaming.api.windowing.windows.GlobalWindow;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.streaming.util.typeutils.FieldAccessor;
import dev.eddy.streaming.util.typeutils.FieldAccessorFactory;

/**
 * A stream partitioned by key. Operators applied to it are keyed: they have per-key state and
 * timers, and the runtime sets the current key from each record.
 */
public class KeyedStream<T, KEY> extends DataStream<T> {
    private final KeySelector<T, KEY> keySelector;
    private final TypeInformation<KEY> keyType;

    public KeyedStream(DataStream<T> input, KeySelector<T, KEY> keySelector, TypeInformation<KEY> keyType) {
        super(input.getExecutionEnvironment(), new PartitionTransformation<>(input.getTransformation(),
                new KeyGroupStreamPartitioner<>(keySelector, input.getExecutionEnvironment().getMaxParallelism())));
        validateKeyType(keyType);
        this.keySelector = keySelector;
        this.keyType = keyType;
    }

    /** Flink's rule: a key needs value-based equals/hashCode; arrays have identity hash codes. */
    static void validateKeyType(TypeInformation<?> keyType) {
        if (keyType.getTypeClass() != null && keyType.getTypeClass().isArray()) {
            throw new InvalidTypesException("Type " + keyType + " cannot be used as key: arrays have no value-based"
                    + " hashCode. Use a List, a String or a Tuple of the elements as key instead.");
        }
        if (!keyType.isKeyType()) {
            throw new InvalidTypesException("Type " + keyType + " cannot be used as key: it needs value-based equals()"
                    + " and hashCode() (POJOs must override them). Choose another key or override them.");
        }
    }

    public KeySelector<T, KEY> getKeySelector() {
        return keySelector;
    }

    public TypeInformation<KEY> getKeyType() {
        return keyType;
    }

    @Override
    <R> void applyKeyContext(OneInputTransformation<T, R> t) {
        t.setStateKeySelector(keySelector, keyType);
    }

    // ---------------------------------------------------------------- process

    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<KEY, T, R> keyedProcessFunction) {
        TypeInformation<T> in = getType();
        return transform("KeyedProcess",
                () -> TypeExtractor.getOutputType(keyedProcessFunction, KeyedProcessFunction.class, 2, keyType, in),
                new KeyedProcessOperator<>(keyedProcessFunction));
    }

    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<KEY, T, R> keyedProcessFunction,
            TypeInformation<R> outputType) {
        return transform("KeyedProcess", outputType, new KeyedProcessOperator<>(keyedProcessFunction));
    }

    // ---------------------------------------------------------------- windows

    /** Groups each key's elements into the windows {@code assigner} assigns. */
    public <W extends Window> WindowedStream<T, KEY, W> window(WindowAssigner<? super T, W> assigner) {
        return new WindowedStream<>(this, assigner);
    }

    /** Tumbling count windows: fires and purges every {@code size} elements of a key. */
    public WindowedStream<T, KEY, GlobalWindow> countWindow(long size) {
        return window(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.<GlobalWindow>of(size)));
    }

    /** Sliding count windows: every {@code slide} elements of a key, fires over its last {@code size} elements. */
    public WindowedStream<T, KEY, GlobalWindow> countWindow(long size, long slide) {
        return window(GlobalWindows.create()).evictor(CountEvictor.<GlobalWindow>of(size)).trigger(CountTrigger.<GlobalWindow>of(slide));
    }

    // ---------------------------------------------------------------- rolling aggregations

    /** Rolling reduce: per key, emits the reduction of all records so far for every record. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return transform("Keyed Reduce", getType(), new StreamGroupedReduceOperator<>(reducer, serializer()));
    }

    public SingleOutputStreamOperator<T> sum(int positionToSum) {
        return aggregate(new SumAggregator<>(accessor(positionToSum), serializer()));
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return aggregate(new SumAggregator<>(accessor(field), serializer()));
    }

    public SingleOutputStreamOperator<T> min(int positionToMin) {
        return comparable(accessor(positionToMin), AggregationType.MIN, true);
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return comparable(accessor(field), AggregationType.MIN, true);
    }

    public SingleOutputStreamOperator<T> max(int positionToMax) {
        return comparable(accessor(positionToMax), AggregationType.MAX, true);
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return comparable(accessor(field), AggregationType.MAX, true);
    }

    public SingleOutputStreamOperator<T> minBy(int positionToMinBy) {
        return minBy(positionToMinBy, true);
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return minBy(field, true);
    }

    /** @param first on ties, keep the earlier record (true) or take the later one (false) */
    public SingleOutputStreamOperator<T> minBy(int positionToMinBy, boolean first) {
        return comparable(accessor(positionToMinBy), AggregationType.MINBY, first);
    }

    public SingleOutputStreamOperator<T> minBy(String field, boolean first) {
        return comparable(accessor(field), AggregationType.MINBY, first);
    }

    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy) {
        return maxBy(positionToMaxBy, true);
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return maxBy(field, true);
    }

    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy, boolean first) {
        return comparable(accessor(positionToMaxBy), AggregationType.MAXBY, first);
    }

    public SingleOutputStreamOperator<T> maxBy(String field, boolean first) {
        return comparable(accessor(field), AggregationType.MAXBY, first);
    }

    private SingleOutputStreamOperator<T> comparable(FieldAccessor<T, ?> accessor, AggregationType type, boolean first) {
        return aggregate(new ComparableAggregator<>(accessor, serializer(), type, first));
    }

    protected SingleOutputStreamOperator<T> aggregate(AggregationFunction<T> aggregate) {
        return transform("Keyed Aggregation", getType(), new StreamGroupedReduceOperator<>(aggregate, serializer()));
    }

    private FieldAccessor<T, ?> accessor(int position) {
        return FieldAccessorFactory.getAccessor(getType(), position, environment.getSerializerConfig());
    }

    private FieldAccessor<T, ?> accessor(String field) {
        return FieldAccessorFactory.getAccessor(getType(), field, environment.getSerializerConfig());
    }

    TypeSerializer<T> serializer() {
        return getType().createSerializer(environment.getSerializerConfig());
    }
}
