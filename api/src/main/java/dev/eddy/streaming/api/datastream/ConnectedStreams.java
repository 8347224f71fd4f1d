package dev.eddy.streaming.api.datastream;

import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.dag.TwoInputTransformation;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.api.java.typeutils.TypeExtractor;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.co.CoFlatMapFunction;
import dev.eddy.streaming.api.functions.co.CoMapFunction;
import dev.eddy.streaming.api.functions.co.CoProcessFunction;
import dev.eddy.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.eddy.streaming.api.operators.TwoInputStreamOperator;
import dev.eddy.streaming.api.operators.co.CoProcessOperator;
import dev.eddy.streaming.api.operators.co.CoStreamFlatMap;
import dev.eddy.streaming.api.operators.co.CoStreamMap;
import dev.eddy.streaming.api.operators.co.KeyedCoProcessOperator;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Two streams, possibly of different types, connected for one two-input operator that may share
 * state between them ({@code DataStream.connect}). When both are {@link KeyedStream}s with the same
 * key type, the operator is keyed: records of both inputs with equal keys meet in the same subtask
 * and share keyed state and timers. Built on the user's main thread; not thread-safe.
 */
public class ConnectedStreams<IN1, IN2> {
    protected final StreamExecutionEnvironment environment;
    protected final DataStream<IN1> inputStream1;
    protected final DataStream<IN2> inputStream2;

    protected ConnectedStreams(StreamExecutionEnvironment env, DataStream<IN1> input1, DataStream<IN2> input2) {
        this.environment = Objects.requireNonNull(env, "environment");
        this.inputStream1 = Objects.requireNonNull(input1, "first input");
        this.inputStream2 = Objects.requireNonNull(input2, "second input");
        if (input1 instanceof KeyedStream<?, ?> k1 && input2 instanceof KeyedStream<?, ?> k2
                && !k1.getKeyType().equals(k2.getKeyType())) {
            throw new IllegalArgumentException("The keys of connected keyed streams must have the same type, but they are "
                    + k1.getKeyType() + " and " + k2.getKeyType() + "; map them to a common key type first");
        }
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public DataStream<IN1> getFirstInput() {
        return inputStream1;
    }

    public DataStream<IN2> getSecondInput() {
        return inputStream2;
    }

    public TypeInformation<IN1> getType1() {
        return inputStream1.getType();
    }

    public TypeInformation<IN2> getType2() {
        return inputStream2.getType();
    }

    /** Keys both inputs: records with equal keys meet in one subtask and share keyed state and timers. */
    public <KEY> ConnectedStreams<IN1, IN2> keyBy(KeySelector<IN1, KEY> keySelector1, KeySelector<IN2, KEY> keySelector2) {
        return new ConnectedStreams<>(environment, inputStream1.keyBy(keySelector1), inputStream2.keyBy(keySelector2));
    }

    public <KEY> ConnectedStreams<IN1, IN2> keyBy(KeySelector<IN1, KEY> keySelector1, KeySelector<IN2, KEY> keySelector2,
            TypeInformation<KEY> keyType) {
        return new ConnectedStreams<>(environment, inputStream1.keyBy(keySelector1, keyType),
                inputStream2.keyBy(keySelector2, keyType));
    }

    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> coMapper) {
        return transform("Co-Map", () -> TypeExtractor.getOutputType(coMapper, CoMapFunction.class, 2, getType1(), getType2()),
                new CoStreamMap<>(coMapper));
    }

    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> coMapper, TypeInformation<R> outputType) {
        return transform("Co-Map", outputType, new CoStreamMap<>(coMapper));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> coFlatMapper) {
        return transform("Co-Flat Map",
                () -> TypeExtractor.getOutputType(coFlatMapper, CoFlatMapFunction.class, 2, getType1(), getType2()),
                new CoStreamFlatMap<>(coFlatMapper));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> coFlatMapper, TypeInformation<R> outputType) {
        return transform("Co-Flat Map", outputType, new CoStreamFlatMap<>(coFlatMapper));
    }

    /** Timers are available only when both inputs are keyed; prefer a {@link KeyedCoProcessFunction} there. */
    public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> coProcessFunction) {
        return transform("Co-Process",
                () -> TypeExtractor.getOutputType(coProcessFunction, CoProcessFunction.class, 2, getType1(), getType2()),
                new CoProcessOperator<>(coProcessFunction));
    }

    public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> coProcessFunction, TypeInformation<R> outputType) {
        return transform("Co-Process", outputType, new CoProcessOperator<>(coProcessFunction));
    }

    /** @throws IllegalStateException if the inputs are not both keyed */
    public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> keyedCoProcessFunction) {
        TypeInformation<?> keyType = requireKeyed("KeyedCoProcessFunction");
        return transform("Keyed Co-Process", () -> TypeExtractor.getOutputType(keyedCoProcessFunction,
                KeyedCoProcessFunction.class, 3, keyType, getType1(), getType2()), new KeyedCoProcessOperator<>(keyedCoProcessFunction));
    }

    public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> keyedCoProcessFunction,
            TypeInformation<R> outputType) {
        requireKeyed("KeyedCoProcessFunction");
        return transform("Keyed Co-Process", outputType, new KeyedCoProcessOperator<>(keyedCoProcessFunction));
    }

    private TypeInformation<?> requireKeyed(String what) {
        if (!(inputStream1 instanceof KeyedStream<?, ?> k1) || !(inputStream2 instanceof KeyedStream)) {
            throw new IllegalStateException("A " + what + " can only be used on keyed connected streams: call keyBy(key1, key2)"
                    + " on the connected streams or connect two KeyedStreams");
        }
        return k1.getKeyType();
    }

    /** Adds a user two-input operator with an explicit output type. */
    public <R> SingleOutputStreamOperator<R> transform(String operatorName, TypeInformation<R> outTypeInfo,
            TwoInputStreamOperator<IN1, IN2, R> operator) {
        Objects.requireNonNull(outTypeInfo, "output type");
        return doTransform(operatorName, outTypeInfo, null, operator);
    }

    private <R> SingleOutputStreamOperator<R> transform(String operatorName, Supplier<TypeInformation<R>> outputType,
            TwoInputStreamOperator<IN1, IN2, R> operator) {
        TypeInformation<R> type = null;
        InvalidTypesException missing = null;
        try {
            type = outputType.get();
        } catch (InvalidTypesException e) {
            missing = e;
        }
        return doTransform(operatorName, type, missing, operator);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <R> SingleOutputStreamOperator<R> doTransform(String operatorName, TypeInformation<R> outType,
            InvalidTypesException missingType, TwoInputStreamOperator<IN1, IN2, R> operator) {
        getType1();
        getType2();
        TwoInputTransformation<IN1, IN2, R> t = new TwoInputTransformation<>(inputStream1.getTransformation(),
                inputStream2.getTransformation(), operatorName, operator, outType, environment.getDefaultParallelismForNewOperators());
        if (missingType != null) {
            t.setMissingOutputType(missingType);
        }
        if (inputStream1 instanceof KeyedStream<?, ?> k1 && inputStream2 instanceof KeyedStream<?, ?> k2) {
            t.setStateKeySelectors((KeySelector) k1.getKeySelector(), (KeySelector) k2.getKeySelector(), k1.getKeyType());
        }
        environment.addOperator(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }
}
