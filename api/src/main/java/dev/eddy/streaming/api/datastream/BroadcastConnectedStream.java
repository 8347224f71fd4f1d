package dev.eddy.streaming.api.datastream;

import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.dag.TwoInputTransformation;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.api.java.typeutils.TypeExtractor;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.co.BroadcastProcessFunction;
import dev.eddy.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.eddy.streaming.api.operators.TwoInputStreamOperator;
import dev.eddy.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import dev.eddy.streaming.api.operators.co.CoBroadcastWithNonKeyedOperator;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A stream (keyed or not) connected with a {@link BroadcastStream}: the operator sees its share of
 * the first stream and every record of the broadcast stream, and keeps the broadcast states.
 * Built on the user's main thread; not thread-safe.
 */
public class BroadcastConnectedStream<IN1, IN2> {
    private final StreamExecutionEnvironment environment;
    private final DataStream<IN1> nonBroadcastStream;
    private final BroadcastStream<IN2> broadcastStream;

    protected BroadcastConnectedStream(StreamExecutionEnvironment env, DataStream<IN1> input1, BroadcastStream<IN2> input2) {
        this.environment = Objects.requireNonNull(env, "environment");
        this.nonBroadcastStream = Objects.requireNonNull(input1, "non-broadcast stream");
        this.broadcastStream = Objects.requireNonNull(input2, "broadcast stream");
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public DataStream<IN1> getFirstInput() {
        return nonBroadcastStream;
    }

    public BroadcastStream<IN2> getSecondInput() {
        return broadcastStream;
    }

    public TypeInformation<IN1> getType1() {
        return nonBroadcastStream.getType();
    }

    public TypeInformation<IN2> getType2() {
        return broadcastStream.getType();
    }

    /** @throws IllegalArgumentException if the first stream is not keyed */
    public <KEY, OUT> SingleOutputStreamOperator<OUT> process(KeyedBroadcastProcessFunction<KEY, IN1, IN2, OUT> function) {
        KeyedStream<IN1, ?> keyed = requireKeyed();
        return transform(() -> TypeExtractor.getOutputType(function, KeyedBroadcastProcessFunction.class, 3,
                keyed.getKeyType(), getType1(), getType2()),
                new CoBroadcastWithKeyedOperator<>(function, broadcastStream.getBroadcastStateDescriptors()));
    }

    public <KEY, OUT> SingleOutputStreamOperator<OUT> process(KeyedBroadcastProcessFunction<KEY, IN1, IN2, OUT> function,
            TypeInformation<OUT> outTypeInfo) {
        requireKeyed();
        return transform(() -> Objects.requireNonNull(outTypeInfo, "output type"),
                new CoBroadcastWithKeyedOperator<>(function, broadcastStream.getBroadcastStateDescriptors()));
    }

    /** @throws IllegalArgumentException if the first stream is keyed (use a KeyedBroadcastProcessFunction) */
    public <OUT> SingleOutputStreamOperator<OUT> process(BroadcastProcessFunction<IN1, IN2, OUT> function) {
        requireNonKeyed();
        return transform(() -> TypeExtractor.getOutputType(function, BroadcastProcessFunction.class, 2, getType1(), getType2()),
                new CoBroadcastWithNonKeyedOperator<>(function, broadcastStream.getBroadcastStateDescriptors()));
    }

    public <OUT> SingleOutputStreamOperator<OUT> process(BroadcastProcessFunction<IN1, IN2, OUT> function,
            TypeInformation<OUT> outTypeInfo) {
        requireNonKeyed();
        return transform(() -> Objects.requireNonNull(outTypeInfo, "output type"),
                new CoBroadcastWithNonKeyedOperator<>(function, broadcastStream.getBroadcastStateDescriptors()));
    }

    private KeyedStream<IN1, ?> requireKeyed() {
        if (!(nonBroadcastStream instanceof KeyedStream<IN1, ?> keyed)) {
            throw new IllegalArgumentException("A KeyedBroadcastProcessFunction can only be used on a keyed stream:"
                    + " call keyBy(...) before connect(broadcastStream), or use a BroadcastProcessFunction");
        }
        return keyed;
    }

    private void requireNonKeyed() {
        if (nonBroadcastStream instanceof KeyedStream) {
            throw new IllegalArgumentException("A BroadcastProcessFunction can only be used on a non-keyed stream;"
                    + " on a keyed stream use a KeyedBroadcastProcessFunction");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <OUT> SingleOutputStreamOperator<OUT> transform(Supplier<TypeInformation<OUT>> outputType,
            TwoInputStreamOperator<IN1, IN2, OUT> operator) {
        getType1();
        getType2();
        TypeInformation<OUT> type = null;
        InvalidTypesException missing = null;
        try {
            type = outputType.get();
        } catch (InvalidTypesException e) {
            missing = e;
        }
        TwoInputTransformation<IN1, IN2, OUT> t = new TwoInputTransformation<>(nonBroadcastStream.getTransformation(),
                broadcastStream.getBroadcastedStream().getTransformation(), "Co-Process-Broadcast" + (
                        nonBroadcastStream instanceof KeyedStream ? "-Keyed" : ""), operator, type,
                environment.getDefaultParallelismForNewOperators());
        if (missing != null) {
            t.setMissingOutputType(missing);
        }
        if (nonBroadcastStream instanceof KeyedStream<?, ?> keyed) {
            t.setStateKeySelectors((KeySelector) keyed.getKeySelector(), null, keyed.getKeyType());
        }
        environment.addOperator(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }
}
