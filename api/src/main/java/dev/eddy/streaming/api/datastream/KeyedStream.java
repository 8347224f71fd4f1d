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

    // ---------------------------------------------------------------- interval join

    /**
     * Joins this stream (left) with {@code otherStream} (right) on event time: records with equal
     * keys whose timestamps satisfy {@code right.ts in [left.ts + lower, left.ts + upper]}.
     */
    public <T1> IntervalJoin<T, T1, KEY> intervalJoin(KeyedStream<T1, KEY> otherStream) {
        return new IntervalJoin<>(this, java.util.Objects.requireNonNull(otherStream, "other stream"));
    }

    /** An interval join whose bounds are not yet set. */
    public static class IntervalJoin<T1, T2, KEY> {
        private final KeyedStream<T1, KEY> left;
        private final KeyedStream<T2, KEY> right;

        IntervalJoin(KeyedStream<T1, KEY> left, KeyedStream<T2, KEY> right) {
            this.left = left;
            this.right = right;
        }

        /** Event time is the only (and default) time of interval joins. */
        public IntervalJoin<T1, T2, KEY> inEventTime() {
            return this;
        }

        /** Not supported: interval joins run on event time. */
        public IntervalJoin<T1, T2, KEY> inProcessingTime() {
            throw new UnsupportedOperationException("Interval joins run on event time only; assign timestamps and watermarks"
                    + " to both inputs instead");
        }

        /** Both bounds inclusive by default; {@code lowerBound} may be negative. */
        public IntervalJoined<T1, T2, KEY> between(java.time.Duration lowerBound, java.time.Duration upperBound) {
            long lower = lowerBound.toMillis();
            long upper = upperBound.toMillis();
            if (lower > upper) {
                throw new IllegalArgumentException("Interval join: the lower bound (" + lowerBound + ") must not be above the upper bound ("
                        + upperBound + ")");
            }
            return new IntervalJoined<>(left, right, lower, upper);
        }
    }

    /** An interval join with bounds, ready for {@code process}. */
    public static class IntervalJoined<IN1, IN2, KEY> {
        private final KeyedStream<IN1, KEY> left;
        private final KeyedStream<IN2, KEY> right;
        private final long lowerBound;
        private final long upperBound;
        private boolean lowerBoundInclusive = true;
        private boolean upperBoundInclusive = true;
        private dev.eddy.util.OutputTag<IN1> leftLateDataOutputTag;
        private dev.eddy.util.OutputTag<IN2> rightLateDataOutputTag;

        IntervalJoined(KeyedStream<IN1, KEY> left, KeyedStream<IN2, KEY> right, long lowerBound, long upperBound) {
            this.left = left;
            this.right = right;
            this.lowerBound = lowerBound;
            this.upperBound = upperBound;
        }

        public IntervalJoined<IN1, IN2, KEY> lowerBoundExclusive() {
            this.lowerBoundInclusive = false;
            return this;
        }

        public IntervalJoined<IN1, IN2, KEY> upperBoundExclusive() {
            this.upperBoundInclusive = false;
            return this;
        }

        /** Left records behind the watermark go to this side output instead of being dropped. */
        public IntervalJoined<IN1, IN2, KEY> sideOutputLeftLateData(dev.eddy.util.OutputTag<IN1> outputTag) {
            this.leftLateDataOutputTag = java.util.Objects.requireNonNull(outputTag, "output tag");
            return this;
        }

        /** Right records behind the watermark go to this side output instead of being dropped. */
        public IntervalJoined<IN1, IN2, KEY> sideOutputRightLateData(dev.eddy.util.OutputTag<IN2> outputTag) {
            this.rightLateDataOutputTag = java.util.Objects.requireNonNull(outputTag, "output tag");
            return this;
        }

        public <OUT> SingleOutputStreamOperator<OUT> process(
                dev.eddy.streaming.api.functions.co.ProcessJoinFunction<IN1, IN2, OUT> processJoinFunction) {
            TypeInformation<OUT> outType;
            try {
                outType = TypeExtractor.getOutputType(processJoinFunction,
                        dev.eddy.streaming.api.functions.co.ProcessJoinFunction.class, 2, left.getType(), right.getType());
            } catch (InvalidTypesException e) {
                throw new InvalidTypesException("Could not determine the output type of the interval join's "
                        + processJoinFunction.getClass().getName() + ": " + e.getMessage()
                        + " Use process(function, TypeInformation) to give it explicitly.", e);
            }
            return process(processJoinFunction, outType);
        }

        public <OUT> SingleOutputStreamOperator<OUT> process(
                dev.eddy.streaming.api.functions.co.ProcessJoinFunction<IN1, IN2, OUT> processJoinFunction,
                TypeInformation<OUT> outputType) {
            long lower = lowerBoundInclusive ? lowerBound : lowerBound + 1;
            long upper = upperBoundInclusive ? upperBound : upperBound - 1;
            var operator = new dev.eddy.streaming.api.operators.co.IntervalJoinOperator<KEY, IN1, IN2, OUT>(
                    lower, upper, left.getType(), right.getType(), processJoinFunction);
            operator.setLateDataOutputTags(leftLateDataOutputTag, rightLateDataOutputTag);
            return new ConnectedStreams<>(left.getExecutionEnvironment(), left, right).transform("Interval Join", outputType, operator);
        }
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
