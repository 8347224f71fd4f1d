package dev.eddy.streaming.api.datastream;

import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.functions.ReduceFunction;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.api.java.typeutils.TypeExtractor;
import dev.eddy.streaming.api.functions.aggregation.AggregationFunction.AggregationType;
import dev.eddy.streaming.api.functions.aggregation.ComparableAggregator;
import dev.eddy.streaming.api.functions.aggregation.SumAggregator;
import dev.eddy.streaming.api.functions.windowing.AllWindowFunction;
import dev.eddy.streaming.api.functions.windowing.ProcessAllWindowFunction;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.windowing.assigners.WindowAssigner;
import dev.eddy.streaming.api.windowing.evictors.Evictor;
import dev.eddy.streaming.api.windowing.triggers.Trigger;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.streaming.runtime.operators.windowing.WindowOperatorBuilder;
import dev.eddy.streaming.runtime.operators.windowing.functions.InternalIterableAllWindowFunction;
import dev.eddy.streaming.runtime.operators.windowing.functions.InternalIterableProcessAllWindowFunction;
import dev.eddy.streaming.runtime.operators.windowing.functions.PassThroughWindowFunction;
import dev.eddy.streaming.util.typeutils.FieldAccessor;
import dev.eddy.streaming.util.typeutils.FieldAccessorFactory;
import dev.eddy.util.OutputTag;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A non-keyed stream grouped into windows ({@code DataStream.windowAll}). Like Flink, it is a
 * window over a stream keyed by one constant key, so the window operator runs with parallelism 1.
 * Same configuration and functions as {@link WindowedStream}, with all-window functions. Built on
 * the user's main thread; not thread-safe.
 */
public class AllWindowedStream<T, W extends Window> {
    private final KeyedStream<T, Byte> input;
    private final WindowOperatorBuilder<T, Byte, W> builder;

    public AllWindowedStream(DataStream<T> input, WindowAssigner<? super T, W> windowAssigner) {
        this.input = input.keyBy(new NullByteKeySelector<>(), Types.BYTE);
        this.builder = new WindowOperatorBuilder<>(windowAssigner, input.getType(), input.getExecutionEnvironment().getSerializerConfig());
    }

    /** The constant key of all-window streams. */
    static final class NullByteKeySelector<T> implements KeySelector<T, Byte> {
        private static final long serialVersionUID = 1L;

        @Override
        public Byte getKey(T value) {
            return 0;
        }
    }

    public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
        builder.trigger(trigger);
        return this;
    }

    public AllWindowedStream<T, W> evictor(Evictor<? super T, ? super W> evictor) {
        builder.evictor(evictor);
        return this;
    }

    public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
        builder.allowedLateness(lateness);
        return this;
    }

    public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> outputTag) {
        builder.sideOutputLateData(outputTag);
        return this;
    }

    // ---------------------------------------------------------------- reduce

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        return transform(builder.describe(function.getClass().getSimpleName()), input::getType,
                builder.reduce(function, new InternalIterableAllWindowFunction<>(new PassThroughWindowFunction<Byte, W, T>())));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, AllWindowFunction<T, R, W> function) {
        TypeInformation<T> in = input.getType();
        return transform(builder.describe(function.getClass().getSimpleName()),
                () -> TypeExtractor.getOutputType(function, AllWindowFunction.class, 1, in),
                builder.reduce(reduceFunction, new InternalIterableAllWindowFunction<>(function)));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, ProcessAllWindowFunction<T, R, W> function) {
        TypeInformation<T> in = input.getType();
        return transform(builder.describe(function.getClass().getSimpleName()),
                () -> TypeExtractor.getOutputType(function, ProcessAllWindowFunction.class, 1, in),
                builder.reduce(reduceFunction, new InternalIterableProcessAllWindowFunction<>(function)));
    }

    // ---------------------------------------------------------------- aggregate

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        TypeInformation<ACC> acc = accumulatorType(function);
        TypeInformation<R> result = TypeExtractor.getOutputType(function, AggregateFunction.class, 2, input.getType(), acc);
        return aggregate(function, acc, result);
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function, TypeInformation<ACC> accumulatorType,
            TypeInformation<R> resultType) {
        return transform(builder.describe(function.getClass().getSimpleName()), () -> resultType,
                builder.aggregate(function, accumulatorType, new InternalIterableAllWindowFunction<>(new PassThroughWindowFunction<Byte, W, R>())));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction, AllWindowFunction<V, R, W> windowFunction) {
        TypeInformation<ACC> acc = accumulatorType(aggFunction);
        TypeInformation<V> agg = optionalResultType(aggFunction, acc);
        return transform(builder.describe(aggFunction.getClass().getSimpleName() + ", " + windowFunction.getClass().getSimpleName()),
                () -> TypeExtractor.getOutputType(windowFunction, AllWindowFunction.class, 1, agg),
                builder.aggregate(aggFunction, acc, new InternalIterableAllWindowFunction<>(windowFunction)));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggFunction,
            ProcessAllWindowFunction<V, R, W> windowFunction) {
        TypeInformation<ACC> acc = accumulatorType(aggFunction);
        TypeInformation<V> agg = optionalResultType(aggFunction, acc);
        return transform(builder.describe(aggFunction.getClass().getSimpleName() + ", " + windowFunction.getClass().getSimpleName()),
                () -> TypeExtractor.getOutputType(windowFunction, ProcessAllWindowFunction.class, 1, agg),
                builder.aggregate(aggFunction, acc, new InternalIterableProcessAllWindowFunction<>(windowFunction)));
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

    private <ACC, R> TypeInformation<R> optionalResultType(AggregateFunction<T, ACC, R> function, TypeInformation<ACC> acc) {
        try {
            return TypeExtractor.getOutputType(function, AggregateFunction.class, 2, input.getType(), acc);
        } catch (InvalidTypesException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- apply / process

    public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function) {
        TypeInformation<T> in = input.getType();
        return apply(function, () -> TypeExtractor.getOutputType(function, AllWindowFunction.class, 1, in));
    }

    public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function, TypeInformation<R> resultType) {
        return apply(function, () -> resultType);
    }

    private <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function, Supplier<TypeInformation<R>> type) {
        return transform(builder.describe(function.getClass().getSimpleName()), type,
                builder.process(new InternalIterableAllWindowFunction<>(function)));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function) {
        TypeInformation<T> in = input.getType();
        return process(function, () -> TypeExtractor.getOutputType(function, ProcessAllWindowFunction.class, 1, in));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function, TypeInformation<R> resultType) {
        return process(function, () -> resultType);
    }

    private <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function, Supplier<TypeInformation<R>> type) {
        return transform(builder.describe(function.getClass().getSimpleName()), type,
                builder.process(new InternalIterableProcessAllWindowFunction<>(function)));
    }

    // ---------------------------------------------------------------- field aggregations

    public SingleOutputStreamOperator<T> sum(int positionToSum) {
        return reduce(new SumAggregator<>(accessor(positionToSum), input.serializer()));
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return reduce(new SumAggregator<>(accessor(field), input.serializer()));
    }

    public SingleOutputStreamOperator<T> min(int positionToMin) {
        return reduce(new ComparableAggregator<>(accessor(positionToMin), input.serializer(), AggregationType.MIN, false));
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return reduce(new ComparableAggregator<>(accessor(field), input.serializer(), AggregationType.MIN, false));
    }

    public SingleOutputStreamOperator<T> max(int positionToMax) {
        return reduce(new ComparableAggregator<>(accessor(positionToMax), input.serializer(), AggregationType.MAX, false));
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return reduce(new ComparableAggregator<>(accessor(field), input.serializer(), AggregationType.MAX, false));
    }

    public SingleOutputStreamOperator<T> minBy(int positionToMinBy) {
        return reduce(new ComparableAggregator<>(accessor(positionToMinBy), input.serializer(), AggregationType.MINBY, true));
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return reduce(new ComparableAggregator<>(accessor(field), input.serializer(), AggregationType.MINBY, true));
    }

    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy) {
        return reduce(new ComparableAggregator<>(accessor(positionToMaxBy), input.serializer(), AggregationType.MAXBY, true));
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return reduce(new ComparableAggregator<>(accessor(field), input.serializer(), AggregationType.MAXBY, true));
    }

    private FieldAccessor<T, ?> accessor(int position) {
        return FieldAccessorFactory.getAccessor(input.getType(), position, input.getExecutionEnvironment().getSerializerConfig());
    }

    private FieldAccessor<T, ?> accessor(String field) {
        return FieldAccessorFactory.getAccessor(input.getType(), field, input.getExecutionEnvironment().getSerializerConfig());
    }

    private <R> SingleOutputStreamOperator<R> transform(String name, Supplier<TypeInformation<R>> type, OneInputStreamOperator<T, R> operator) {
        return input.transform(name, type, operator).setParallelism(1);
    }

    public DataStream<T> getInputStream() {
        return input;
    }

    public WindowOperatorBuilder<T, Byte, W> getBuilder() {
        return builder;
    }
}
