package dev.eddy.streaming.api.datastream;

import dev.eddy.api.common.functions.FilterFunction;
import dev.eddy.api.common.functions.FlatMapFunction;
import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.functions.MapFunction;
import dev.eddy.api.common.functions.Partitioner;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.connector.sink2.Sink;
import dev.eddy.api.dag.OneInputTransformation;
import dev.eddy.api.dag.PartitionTransformation;
import dev.eddy.api.dag.Transformation;
import dev.eddy.api.dag.UnionTransformation;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.api.java.typeutils.TypeExtractor;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.ProcessFunction;
import dev.eddy.streaming.api.functions.sink.legacy.PrintSinkFunction;
import dev.eddy.streaming.api.functions.sink.legacy.SinkFunction;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.operators.ProcessOperator;
import dev.eddy.streaming.api.operators.StreamFilter;
import dev.eddy.streaming.api.operators.StreamFlatMap;
import dev.eddy.streaming.api.operators.StreamMap;
import dev.eddy.streaming.api.operators.StreamSink;
import dev.eddy.streaming.api.operators.collect.CollectStreams;
import dev.eddy.streaming.api.operators.sink.SinkWriterOperator;
import dev.eddy.streaming.api.windowing.assigners.GlobalWindows;
import dev.eddy.streaming.api.windowing.assigners.WindowAssigner;
import dev.eddy.streaming.api.windowing.evictors.CountEvictor;
import dev.eddy.streaming.api.windowing.triggers.CountTrigger;
import dev.eddy.streaming.api.windowing.triggers.PurgingTrigger;
import dev.eddy.streaming.api.windowing.windows.GlobalWindow;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.streaming.runtime.partitioner.BroadcastPartitioner;
import dev.eddy.streaming.runtime.partitioner.CustomPartitionerWrapper;
import dev.eddy.streaming.runtime.partitioner.ForwardPartitioner;
import dev.eddy.streaming.runtime.partitioner.GlobalPartitioner;
import dev.eddy.streaming.runtime.partitioner.RebalancePartitioner;
import dev.eddy.streaming.runtime.partitioner.RescalePartitioner;
import dev.eddy.streaming.runtime.partitioner.ShufflePartitioner;
import dev.eddy.streaming.runtime.partitioner.StreamPartitioner;
import dev.eddy.util.CloseableIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A stream of records of one type, as built by the user's main thread. Each method adds a
 * {@link Transformation} to the environment and returns the resulting stream. Not thread-safe.
 */
public class DataStream<T> {
    protected final StreamExecutionEnvironment environment;
    protected final Transformation<T> transformation;

    public DataStream(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.transformation = Objects.requireNonNull(transformation, "transformation");
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public Transformation<T> getTransformation() {
        return transformation;
    }

    public int getId() {
        return transformation.getId();
    }

    /** The parallelism, or -1 when the job default applies. */
    public int getParallelism() {
        return transformation.getParallelism();
    }

    /**
     * The record type.
     *
     * @throws InvalidTypesException if it could not be extracted and returns(...) was not called
     */
    public TypeInformation<T> getType() {
        return transformation.getOutputType();
    }

    // ---------------------------------------------------------------- record-at-a-time operators

    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
        TypeInformation<T> in = getType();
        return transform("Map", () -> TypeExtractor.getOutputType(mapper, MapFunction.class, 1, in), new StreamMap<>(mapper));
    }

    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper, TypeInformation<R> outputType) {
        return transform("Map", outputType, new StreamMap<>(mapper));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
        TypeInformation<T> in = getType();
        return transform("Flat Map", () -> TypeExtractor.getOutputType(flatMapper, FlatMapFunction.class, 1, in),
                new StreamFlatMap<>(flatMapper));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper, TypeInformation<R> outputType) {
        return transform("Flat Map", outputType, new StreamFlatMap<>(flatMapper));
    }

    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        return transform("Filter", getType(), new StreamFilter<>(filter));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction) {
        TypeInformation<T> in = getType();
        return transform("Process", () -> TypeExtractor.getOutputType(processFunction, ProcessFunction.class, 1, in),
                new ProcessOperator<>(processFunction));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction, TypeInformation<R> outputType) {
        return transform("Process", outputType, new ProcessOperator<>(processFunction));
    }

    /**
     * Assigns event timestamps to the records and generates watermarks with {@code watermarkStrategy}
     * (periodic ones every {@code pipeline.auto-watermark-interval}). Runs with this stream's
     * parallelism, chained to it where possible. Watermarks from upstream are replaced by the
     * strategy's (only the end-of-input watermark passes through).
     */
    public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(
            dev.eddy.api.common.eventtime.WatermarkStrategy<T> watermarkStrategy) {
        Objects.requireNonNull(watermarkStrategy, "watermark strategy");
        dev.eddy.streaming.runtime.operators.TimestampsAndWatermarksOperator<T> operator =
                new dev.eddy.streaming.runtime.operators.TimestampsAndWatermarksOperator<>(watermarkStrategy);
        getType();
        OneInputTransformation<T, T> t = new OneInputTransformation<>(transformation, "Timestamps/Watermarks", operator,
                getType(), transformation.getParallelism());
        environment.addOperator(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }

    /** Adds a user operator with an explicit output type. */
    public <R> SingleOutputStreamOperator<R> transform(String operatorName, TypeInformation<R> outTypeInfo,
            OneInputStreamOperator<T, R> operator) {
        Objects.requireNonNull(outTypeInfo, "output type");
        return doTransform(operatorName, outTypeInfo, null, operator);
    }

    /**
     * Adds an operator whose output type comes from {@code outputType}; if that throws
     * {@link InvalidTypesException}, the error is kept and surfaces when the type is first needed
     * (unless returns(...) is called).
     */
    protected <R> SingleOutputStreamOperator<R> transform(String operatorName, Supplier<TypeInformation<R>> outputType,
            OneInputStreamOperator<T, R> operator) {
        TypeInformation<R> type = null;
        InvalidTypesException missing = null;
        try {
            type = outputType.get();
        } catch (InvalidTypesException e) {
            missing = e;
        }
        return doTransform(operatorName, type, missing, operator);
    }

    private <R> SingleOutputStreamOperator<R> doTransform(String operatorName, TypeInformation<R> outType,
            InvalidTypesException missingType, OneInputStreamOperator<T, R> operator) {
        getType(); // like Flink: a missing input type fails here, naming the operator that lacks it
        OneInputTransformation<T, R> t = new OneInputTransformation<>(
                transformation, operatorName, operator, outType, environment.getDefaultParallelismForNewOperators());
        if (missingType != null) {
            t.setMissingOutputType(missingType);
        }
        applyKeyContext(t);
        environment.addOperator(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }

    /** Makes an operator on this stream keyed (overridden by {@link KeyedStream}). */
    <R> void applyKeyContext(OneInputTransformation<T, R> t) {}

    // ---------------------------------------------------------------- partitioning

    /**
     * Partitions by key: records with equal keys go to the same subtask, and operators after this
     * have keyed state and timers. The key type comes from the selector's signature.
     */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key) {
        Objects.requireNonNull(key, "key selector");
        TypeInformation<K> keyType;
        try {
            keyType = TypeExtractor.getOutputType(key, KeySelector.class, 1, getType());
        } catch (InvalidTypesException e) {
            throw new InvalidTypesException("Could not determine the key type of keyBy(" + key.getClass().getName()
                    + "): " + e.getMessage() + " Use keyBy(keySelector, TypeInformation) to give it explicitly.", e);
        }
        return new KeyedStream<>(this, key, keyType);
    }

    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key, TypeInformation<K> keyType) {
        return new KeyedStream<>(this, Objects.requireNonNull(key, "key selector"), Objects.requireNonNull(keyType, "key type"));
    }

    /** Partitions with a user {@link Partitioner} on the key the selector extracts. */
    public <K> DataStream<T> partitionCustom(Partitioner<K> partitioner, KeySelector<T, K> keySelector) {
        return setConnectionType(new CustomPartitionerWrapper<>(
                Objects.requireNonNull(partitioner, "partitioner"), Objects.requireNonNull(keySelector, "key selector")));
    }

    public DataStream<T> broadcast() {
        return setConnectionType(new BroadcastPartitioner<>());
    }

    public DataStream<T> shuffle() {
        return setConnectionType(new ShufflePartitioner<>());
    }

    /** Sends subtask i's records to subtask i of the next operator; both must have the same parallelism. */
    public DataStream<T> forward() {
        return setConnectionType(new ForwardPartitioner<>());
    }

    public DataStream<T> rebalance() {
        return setConnectionType(new RebalancePartitioner<>());
    }

    public DataStream<T> rescale() {
        return setConnectionType(new RescalePartitioner<>());
    }

    /** Sends everything to the first subtask of the next operator. */
    public DataStream<T> global() {
        return setConnectionType(new GlobalPartitioner<>());
    }

    protected DataStream<T> setConnectionType(StreamPartitioner<T> partitioner) {
        return new DataStream<>(environment, new PartitionTransformation<>(transformation, partitioner));
    }

    /**
     * Makes a {@link BroadcastStream}: every record goes to every parallel instance of the operator
     * it is connected to, which keeps the broadcast states named by {@code broadcastStateDescriptors}.
     */
    public BroadcastStream<T> broadcast(dev.eddy.api.common.state.MapStateDescriptor<?, ?>... broadcastStateDescriptors) {
        Objects.requireNonNull(broadcastStateDescriptors, "broadcast state descriptors");
        return new BroadcastStream<>(environment, broadcast(), List.of(broadcastStateDescriptors));
    }

    /** Starts a window join with {@code otherStream}: {@code join(b).where(k1).equalTo(k2).window(w).apply(f)}. */
    public <T2> JoinedStreams<T, T2> join(DataStream<T2> otherStream) {
        return new JoinedStreams<>(this, Objects.requireNonNull(otherStream, "other stream"));
    }

    /** Starts a window coGroup with {@code otherStream}: {@code coGroup(b).where(k1).equalTo(k2).window(w).apply(f)}. */
    public <T2> CoGroupedStreams<T, T2> coGroup(DataStream<T2> otherStream) {
        return new CoGroupedStreams<>(this, Objects.requireNonNull(otherStream, "other stream"));
    }

    /** Connects this stream with another (of possibly another type) for one two-input operator. */
    public <R> ConnectedStreams<T, R> connect(DataStream<R> dataStream) {
        return new ConnectedStreams<>(environment, this, Objects.requireNonNull(dataStream, "stream to connect"));
    }

    /** Connects this stream with a broadcast stream; see {@link BroadcastConnectedStream}. */
    public <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcastStream) {
        return new BroadcastConnectedStream<>(environment, this, Objects.requireNonNull(broadcastStream, "broadcast stream"));
    }

    /** Merges this stream with others of the same type. */
    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... streams) {
        List<Transformation<T>> inputs = new ArrayList<>();
        inputs.add(transformation);
        TypeInformation<T> type = getType();
        for (DataStream<T> other : streams) {
            if (!type.equals(other.getType())) {
                throw new IllegalArgumentException("Cannot union streams of different types: " + type + " and "
                        + other.getType() + ". Map them to a common type first.");
            }
            inputs.add(other.getTransformation());
        }
        return new DataStream<>(environment, new UnionTransformation<>(inputs));
    }

    // ---------------------------------------------------------------- non-keyed windows

    /**
     * Groups all elements (not per key) into the windows {@code assigner} assigns. The window
     * operator runs with parallelism 1, as in Flink.
     */
    public <W extends Window> AllWindowedStream<T, W> windowAll(WindowAssigner<? super T, W> assigner) {
        return new AllWindowedStream<>(this, assigner);
    }

    /** Tumbling count windows over all elements: fires and purges every {@code size} elements. */
    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size) {
        return windowAll(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.<GlobalWindow>of(size)));
    }

    /** Sliding count windows over all elements: every {@code slide} elements, fires over the last {@code size}. */
    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size, long slide) {
        return windowAll(GlobalWindows.create()).evictor(CountEvictor.<GlobalWindow>of(size)).trigger(CountTrigger.<GlobalWindow>of(slide));
    }

    // ---------------------------------------------------------------- sinks

    /** Prints each record's toString() to standard out, prefixed by the subtask number when parallel. */
    public DataStreamSink<T> print() {
        return addSink(new PrintSinkFunction<>()).name("Print to Std. Out");
    }

    public DataStreamSink<T> print(String sinkIdentifier) {
        return addSink(new PrintSinkFunction<>(sinkIdentifier, false)).name("Print to Std. Out");
    }

    public DataStreamSink<T> printToErr() {
        return addSink(new PrintSinkFunction<>(true)).name("Print to Std. Err");
    }

    public DataStreamSink<T> printToErr(String sinkIdentifier) {
        return addSink(new PrintSinkFunction<>(sinkIdentifier, true)).name("Print to Std. Err");
    }

    /** Adds a legacy sink function. */
    public DataStreamSink<T> addSink(SinkFunction<T> sinkFunction) {
        return addSinkOperator(new StreamSink<>(Objects.requireNonNull(sinkFunction, "sink function")));
    }

    /** Adds a Sink v2 sink. */
    public DataStreamSink<T> sinkTo(Sink<T> sink) {
        return addSinkOperator(new SinkWriterOperator<>(Objects.requireNonNull(sink, "sink")));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private DataStreamSink<T> addSinkOperator(OneInputStreamOperator<T, ?> operator) {
        getType(); // a missing input type fails here, not at execution
        OneInputTransformation<T, Object> t = new OneInputTransformation<>(transformation,
                DataStreamSink.SINK_PREFIX + "Unnamed", (OneInputStreamOperator) operator, null,
                environment.getDefaultParallelismForNewOperators());
        applyKeyContext(t);
        environment.addOperator(t);
        return new DataStreamSink<>(t);
    }

    // ---------------------------------------------------------------- collect

    /** Runs the job and iterates over this stream's records as they arrive; close the iterator when done. */
    public CloseableIterator<T> executeAndCollect() throws Exception {
        return executeAndCollect("DataStream Collect");
    }

    public CloseableIterator<T> executeAndCollect(String jobExecutionName) throws Exception {
        return CollectStreams.executeAndCollect(this, jobExecutionName);
    }

    /** Runs the job, returns its first {@code limit} records, then cancels the job if still running. */
    public List<T> executeAndCollect(int limit) throws Exception {
        return executeAndCollect("DataStream Collect", limit);
    }

    public List<T> executeAndCollect(String jobExecutionName, int limit) throws Exception {
        if (limit <= 0) {
            throw new IllegalArgumentException("Limit must be positive, was " + limit);
        }
        List<T> result = new ArrayList<>(Math.min(limit, 1024));
        try (CloseableIterator<T> it = executeAndCollect(jobExecutionName)) {
            while (result.size() < limit && it.hasNext()) {
                result.add(it.next());
            }
        }
        return result;
    }
}
