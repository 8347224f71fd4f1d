package dev.eddy.streaming.api.datastream;

import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.functions.ReduceFunction;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.java.typeutils.TypeExtractor;
import dev.eddy.streaming.api.functions.aggregation.AggregationFunction.AggregationType;
import dev.eddy.streaming.api.functions.aggregation.ComparableAggregator;
import dev.eddy.streaming.api.functions.aggregation.SumAggregator;
import dev.eddy.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.eddy.streaming.api.functions.windowing.WindowFunction;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.windowing.assigners.WindowAssigner;
import dev.eddy.streaming.api.windowing.evictors.Evictor;
import dev.eddy.streaming.api.windowing.triggers.Trigger;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.streaming.runtime.operators.windowing.WindowOperatorBuilder;
import dev.eddy.streaming.runtime.operators.windowing.functions.InternalIterableProcessWindowFunction;
import dev.eddy.streaming.runtime.operators.windowing.functions.InternalIterableWindowFunction;
import dev.eddy.streaming.runtime.operators.windowing.functions.PassThroughWindowFunction;
import dev.eddy.streaming.util.typeutils.FieldAccessor;
import dev.eddy.streaming.util.typeutils.FieldAccessorFactory;
import dev.eddy.util.OutputTag;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A keyed stream grouped into windows by a {@link WindowAssigner}. Configure the trigger, evictor,
 * allowed lateness and late-data side output, then finish with a window function ({@code reduce},
 * {@code aggregate}, {@code apply}, {@code process}, or a field aggregation). Results carry the
 * timestamp {@code window.maxTimestamp()}. Built on the user's main thread; not thread-safe.
 */
public class WindowedStream<T, K, W extends Window> {
    private final KeyedStream<T, K> input;
    private final WindowOperatorBuilder<T, K, W> builder;

    public WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> windowAssigner) {
        this.input = input;
        this.builder = new WindowOperatorBuilder<>(windowAssigner, input.getType(), input.getExecutionEnvironment().getSerializerConfig());
    }

    /** Replaces the assigner's default trigger. */
    public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
        builder.trigger(trigger);
        return this;
    }

    /** Removes elements from windows before and/or after the window function runs. */
    public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
        builder.evictor(evictor);
        return this;
    }

    /**
     * Keeps event-time windows for {@code lateness} after the watermark passed their end: late
     * elements still update them (and the default trigger fires again). Default zero.
     */
    public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
        builder.allowedLateness(lateness);
        return this;
    }

    /** Sends elements that arrive after their windows' allowed lateness to this side output instead of dropping them. */
    public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> outputTag) {
        builder.sideOutputLateData(outputTag);
        return this;
    }

    // ---------------------------------------------------------------- reduce

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        return transform(builder.describe(function.getClass().getSimpleName()), input::getType,
                builder.reduce(function, new InternalIterableWindowFunction<>(new PassThroughWindowFunction<K, W, T>())));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, WindowFunction<T, R, K, W> function) {
        TypeInformation<T> in = input.getType();
        return reduce(reduceFunction, function, () -> TypeExtractor.getOutputType(function, WindowFunction.class, 1, in, input.getKeyType()));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, WindowFunction<T, R, K, W> function,
            TypeInformation<R> resultType) {
        return reduce(reduceFunction, function, () -> resultType);
    }

    private <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, WindowFunction<T, R, K, W> function,
            Supplier<TypeInformation<R>> type) {
        return transform(builder.describe(function.getClass().getSimpleName()), type,
                builder.reduce(reduceFunction, new InternalIterableWindowFunction<>(function)));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, ProcessWindowFunction<T, R, K, W> function) {
        TypeInformation<T> in = input.getType();
        return reduce(reduceFunction, function,
                () -> TypeExtractor.getOutputType(function, ProcessWindowFunction.class, 1, in, input.getKeyType()));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, ProcessWindowFunction<T, R, K, W> function,
            TypeInformation<R> resultType) {
        return reduce(reduceFunction, function, () -> resultType);
    }

    private <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, ProcessWindowFunction<T, R, K, W> function,
            Supplier<TypeInformation<R>> type) {
        return transform(builder.describe(function.getClass().getSimpleName()), type,
                builder.reduce(reduceFunction, new InternalIterableProcessWindowFunction<>(function)));
    }

    // ---------------------------------------------------------------- aggregate

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        TypeInformation<ACC> acc = accumulatorType(function);
        return aggregate(function, acc, resultType(function, acc));
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function, TypeInformation<ACC> accumulatorType,
            TypeInformation<R> resultType) {
        return transform(builder.describe(function.getClass().getSimpleName()), () -> resultType,
                builder.aggregate(function, accumulatorType, new InternalIterableWindowFunction<>(new PassThroughWindowFunction<K, W, R>())));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction, WindowFunction<V, R, K, W> windowFunction) {
        TypeInformation<ACC> acc = accumulatorType(aggFunction);
        TypeInformation<V> agg = optionalResultType(aggFunction, acc);
        return aggregate(aggFunction, windowFunction, acc,
                () -> TypeExtractor.getOutputType(windowFunction, WindowFunction.class, 1, agg, input.getKeyType()));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction, WindowFunction<V, R, K, W> windowFunction,
            TypeInformation<ACC> accumulatorType, TypeInformation<R> resultType) {
        return aggregate(aggFunction, windowFunction, accumulatorType, () -> resultType);
    }

    private <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction, WindowFunction<V, R, K, W> windowFunction,
            TypeInformation<ACC> accumulatorType, Supplier<TypeInformation<R>> type) {
        return transform(builder.describe(aggFunction.getClass().getSimpleName() + ", " + windowFunction.getClass().getSimpleName()), type,
                builder.aggregate(aggFunction, accumulatorType, new InternalIterableWindowFunction<>(windowFunction)));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
            ProcessWindowFunction<V, R, K, W> windowFunction) {
        TypeInformation<ACC> acc = accumulatorType(aggFunction);
        TypeInformation<V> agg = optionalResultType(aggFunction, acc);
        return aggregate(aggFunction, windowFunction, acc,
                () -> TypeExtractor.getOutputType(windowFunction, ProcessWindowFunction.class, 1, agg, input.getKeyType()));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
            ProcessWindowFunction<V, R, K, W> windowFunction, TypeInformation<ACC> accumulatorType, TypeInformation<V> aggregateResultType,
            TypeInformation<R> resultType) {
        return aggregate(aggFunction, windowFunction, accumulatorType, () -> resultType);
    }

    private <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
            ProcessWindowFunction<V, R, K, W> windowFunction, TypeInformation<ACC> accumulatorType, Supplier<TypeInformation<R>> type) {
        return transform(builder.describe(aggFunction.getClass().getSimpleName() + ", " + windowFunction.getClass().getSimpleName()), type,
                builder.aggregate(aggFunction, accumulatorType, new InternalIterableProcessWindowFunction<>(windowFunction)));
    }

    private <ACC, R> TypeInformation<ACC> accumulatorType(AggregateFunction<T, ACC, R> function) {
        try {
            return TypeExtractor.getOutputType(function, AggregateFunction.class, 1, input.getType());
        } catch (InvalidTypesException e) {
            throw new InvalidTypesException("Could not determine the accumulator type of the AggregateFunction "
                    + function.getClass().getName() + ": " + e.getMessage() + " Pass it explicitly with aggregate(function,"
                    + " accumulatorType, resultType).", e);
        }
    }

    private <ACC, R> TypeInformation<R> resultType(AggregateFunction<T, ACC, R> function, TypeInformation<ACC> acc) {
        return TypeExtractor.getOutputType(function, AggregateFunction.class, 2, input.getType(), acc);
    }

    private <ACC, R> TypeInformation<R> optionalResultType(AggregateFunction<T, ACC, R> function, TypeInformation<ACC> acc) {
        try {
            return resultType(function, acc);
        } catch (InvalidTypesException e) {
            return null; // the window function's output may not depend on it
        }
    }

    // ---------------------------------------------------------------- apply / process

    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function) {
        TypeInformation<T> in = input.getType();
        return apply(function, () -> TypeExtractor.getOutputType(function, WindowFunction.class, 1, in, input.getKeyType()));
    }

    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function, TypeInformation<R> resultType) {
        return apply(function, () -> resultType);
    }

    private <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function, Supplier<TypeInformation<R>> type) {
        return transform(builder.describe(function.getClass().getSimpleName()), type,
                builder.process(new InternalIterableWindowFunction<>(function)));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
        TypeInformation<T> in = input.getType();
        return process(function, () -> TypeExtractor.getOutputType(function, ProcessWindowFunction.class, 1, in, input.getKeyType()));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function, TypeInformation<R> resultType) {
        return process(function, () -> resultType);
    }

    private <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function, Supplier<TypeInformation<R>> type) {
        return transform(builder.describe(function.getClass().getSimpleName()), type,
                builder.process(new InternalIterableProcessWindowFunction<>(function)));
    }

    // ---------------------------------------------------------------- field aggregations

    public SingleOutputStreamOperator<T> sum(int positionToSum) {
        return reduce(new SumAggregator<>(accessor(positionToSum), input.serializer()));
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return reduce(new SumAggregator<>(accessor(field), input.serializer()));
    }

    public SingleOutputStreamOperator<T> min(int positionToMin) {
        return comparable(accessor(positionToMin), AggregationType.MIN, false);
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return comparable(accessor(field), AggregationType.MIN, false);
    }

    public SingleOutputStreamOperator<T> max(int positionToMax) {
        return comparable(accessor(positionToMax), AggregationType.MAX, false);
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return comparable(accessor(field), AggregationType.MAX, false);
    }

    public SingleOutputStreamOperator<T> minBy(int positionToMinBy) {
        return comparable(accessor(positionToMinBy), AggregationType.MINBY, true);
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return comparable(accessor(field), AggregationType.MINBY, true);
    }

    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy) {
        return comparable(accessor(positionToMaxBy), AggregationType.MAXBY, true);
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return comparable(accessor(field), AggregationType.MAXBY, true);
    }

    private SingleOutputStreamOperator<T> comparable(FieldAccessor<T, ?> accessor, AggregationType type, boolean first) {
        return reduce(new ComparableAggregator<>(accessor, input.serializer(), type, first));
    }

    private FieldAccessor<T, ?> accessor(int position) {
        return FieldAccessorFactory.getAccessor(input.getType(), position, input.getExecutionEnvironment().getSerializerConfig());
    }

    private FieldAccessor<T, ?> accessor(String field) {
        return FieldAccessorFactory.getAccessor(input.getType(), field, input.getExecutionEnvironment().getSerializerConfig());
    }

    // ---------------------------------------------------------------- plumbing

    private <R> SingleOutputStreamOperator<R> transform(String name, Supplier<TypeInformation<R>> type, OneInputStreamOperator<T, R> operator) {
        return input.transform(name, type, operator);
    }

    public KeyedStream<T, K> getInputStream() {
        return input;
    }

    /** For APIs built on windows (joins, coGroup): the collected settings. */
    public WindowOperatorBuilder<T, K, W> getBuilder() {
        return builder;
    }
}
