package dev.eddy.streaming.api.environment;

import dev.eddy.core.execution.CheckpointingMode;

import dev.eddy.api.common.JobExecutionResult;
import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.connector.source.Boundedness;
import dev.eddy.api.connector.source.Source;
import dev.eddy.api.dag.Pipeline;
import dev.eddy.api.dag.SourceTransformation;
import dev.eddy.api.dag.Transformation;
import dev.eddy.api.java.typeutils.ResultTypeQueryable;
import dev.eddy.api.java.typeutils.TypeExtractor;
import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.CoreOptions;
import dev.eddy.configuration.DeploymentOptions;
import dev.eddy.configuration.ExecutionOptions;
import dev.eddy.configuration.PipelineOptions;
import dev.eddy.core.execution.JobClient;
import dev.eddy.core.execution.JobListener;
import dev.eddy.core.execution.PipelineExecutor;
import dev.eddy.core.execution.PipelineExecutorFactory;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.streaming.api.datastream.DataStreamSource;
import dev.eddy.streaming.api.functions.source.legacy.FromElementsFunction;
import dev.eddy.streaming.api.functions.source.legacy.ParallelSourceFunction;
import dev.eddy.streaming.api.functions.source.legacy.SequenceSourceFunction;
import dev.eddy.streaming.api.functions.source.legacy.SourceFunction;
import dev.eddy.streaming.api.operators.StreamSource;
import dev.eddy.streaming.api.operators.source.SourceReaderOperator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of a job: creates sources, collects the transformations the DataStream API
 * builds, and runs them with {@link #execute()} through the {@link PipelineExecutorFactory} (found
 * with {@link ServiceLoader}) whose name equals {@code execution.target}.
 *
 * <p>Settings, lowest precedence first: the options' defaults, the context configuration the CLI
 * set with {@link #initializeContextEnvironment}, the configuration passed to
 * {@link #getExecutionEnvironment(Configuration)}, then setters such as {@link #setParallelism}.
 *
 * <p>Threading: an environment is used by the thread running the job's {@code main}. The static
 * context methods are thread-safe.
 */
public class StreamExecutionEnvironment {
    /** The job name when neither {@code execute(name)} nor {@code pipeline.name} gives one. */
    public static final String DEFAULT_JOB_NAME = "Eddy Streaming Job";
    private static final Logger LOG = LoggerFactory.getLogger(StreamExecutionEnvironment.class);
    private static volatile Configuration contextConfiguration;
    private static final List<JobListener> CONTEXT_LISTENERS = new CopyOnWriteArrayList<>();

    private final Configuration configuration;
    private final List<Transformation<?>> transformations = new ArrayList<>();
    private final List<JobListener> jobListeners = new ArrayList<>();
    private final ClassLoader userClassLoader;

    public StreamExecutionEnvironment() {
        this(new Configuration());
    }

    /** Creates an environment with the context configuration overlaid by {@code configuration}. */
    public StreamExecutionEnvironment(Configuration configuration) {
        Configuration merged = new Configuration();
        Configuration context = contextConfiguration;
        if (context != null) {
            merged.addAll(context);
        }
        merged.addAll(configuration);
        this.configuration = merged;
        this.jobListeners.addAll(CONTEXT_LISTENERS);
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        this.userClassLoader = cl != null ? cl : StreamExecutionEnvironment.class.getClassLoader();
    }

    // ---------------------------------------------------------------- static context (CLI)

    /** Used by the CLI before it invokes a job's main: settings that getExecutionEnvironment() picks up. */
    public static void initializeContextEnvironment(Configuration contextConfiguration) {
        StreamExecutionEnvironment.contextConfiguration = new Configuration(contextConfiguration);
    }

    public static void resetContextEnvironment() {
        contextConfiguration = null;
        CONTEXT_LISTENERS.clear();
    }

    /** Listeners that every environment created from now on (in this JVM) registers; used by the CLI. */
    public static void addContextJobListener(JobListener listener) {
        CONTEXT_LISTENERS.add(Objects.requireNonNull(listener, "listener"));
    }

    public static StreamExecutionEnvironment getExecutionEnvironment() {
        return new StreamExecutionEnvironment(new Configuration());
    }

    public static StreamExecutionEnvironment getExecutionEnvironment(Configuration configuration) {
        return new StreamExecutionEnvironment(Objects.requireNonNull(configuration, "configuration"));
    }

    // ---------------------------------------------------------------- settings

    /** The live configuration of this environment (changes affect jobs executed afterwards). */
    public Configuration getConfiguration() {
        return configuration;
    }

    public StreamExecutionEnvironment setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("Parallelism must be at least 1, was " + parallelism);
        }
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        return this;
    }

    /** The default parallelism of operators ({@code parallelism.default}). */
    public int getParallelism() {
        return configuration.get(CoreOptions.DEFAULT_PARALLELISM);
    }

    /**
     * The parallelism new transformations get: the configured default if one was set explicitly,
     * else {@link Transformation#DEFAULT_PARALLELISM} so the translator applies the final default.
     */
    public int getDefaultParallelismForNewOperators() {
        return configuration.contains(CoreOptions.DEFAULT_PARALLELISM) ? getParallelism() : Transformation.DEFAULT_PARALLELISM;
    }

    public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM) {
            throw new IllegalArgumentException("Max parallelism must be in [1, "
                    + KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM + "], was " + maxParallelism);
        }
        configuration.set(PipelineOptions.MAX_PARALLELISM, maxParallelism);
        return this;
    }

    /** The configured max parallelism ({@code pipeline.max-parallelism}), or -1 when derived per operator. */
    public int getMaxParallelism() {
        return configuration.get(PipelineOptions.MAX_PARALLELISM);
    }

    /** 0 flushes after every record, -1 only when buffers are full, positive: at most this many ms. */
    public StreamExecutionEnvironment setBufferTimeout(long timeoutMillis) {
        if (timeoutMillis < -1) {
            throw new IllegalArgumentException("Buffer timeout must be -1, 0 or positive, was " + timeoutMillis);
        }
        if (timeoutMillis == -1) {
            configuration.set(ExecutionOptions.BUFFER_TIMEOUT_ENABLED, false);
        } else {
            configuration.set(ExecutionOptions.BUFFER_TIMEOUT_ENABLED, true);
            configuration.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ofMillis(timeoutMillis));
        }
        return this;
    }

    public long getBufferTimeout() {
        if (!configuration.get(ExecutionOptions.BUFFER_TIMEOUT_ENABLED)) {
            return -1;
        }
        return configuration.get(ExecutionOptions.BUFFER_TIMEOUT).toMillis();
    }

    /**
     * Enables periodic exactly-once checkpoints every {@code interval} ms
     * ({@code execution.checkpointing.interval}).
     */
    public StreamExecutionEnvironment enableCheckpointing(long interval) {
        getCheckpointConfig().setCheckpointInterval(interval);
        return this;
    }

    /** Enables periodic checkpoints every {@code interval} ms with the given consistency mode. */
    public StreamExecutionEnvironment enableCheckpointing(long interval, CheckpointingMode mode) {
        CheckpointConfig config = getCheckpointConfig();
        config.setCheckpointInterval(interval);
        config.setCheckpointingConsistencyMode(mode);
        return this;
    }

    /** Execution settings (e.g. the auto-watermark interval): a view over this environment's configuration. */
    public dev.eddy.api.common.ExecutionConfig getConfig() {
        return new dev.eddy.api.common.ExecutionConfig(configuration);
    }

    /** The checkpoint settings: a view over this environment's configuration. */
    public CheckpointConfig getCheckpointConfig() {
        return new CheckpointConfig(configuration);
    }

    /** Serializer settings derived from the configuration. */
    public SerializerConfig getSerializerConfig() {
        return getConfig().getSerializerConfig();
    }

    public void registerJobListener(JobListener listener) {
        jobListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public List<JobListener> getJobListeners() {
        return List.copyOf(jobListeners);
    }

    // ---------------------------------------------------------------- sources

    /** A bounded stream of the given elements, in order, from one subtask. */
    @SafeVarargs
    public final <OUT> DataStreamSource<OUT> fromData(OUT... data) {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("fromData needs at least one element to determine the type;"
                    + " for an empty stream use fromData(Collection, TypeInformation)");
        }
        return fromData(Arrays.asList(data));
    }

    @SafeVarargs
    public final <OUT> DataStreamSource<OUT> fromData(TypeInformation<OUT> typeInfo, OUT... data) {
        return fromData(Arrays.asList(data), typeInfo);
    }

    public <OUT> DataStreamSource<OUT> fromData(Collection<OUT> data) {
        Objects.requireNonNull(data, "data");
        if (data.isEmpty()) {
            throw new IllegalArgumentException("fromData needs at least one element to determine the type;"
                    + " for an empty stream use fromData(Collection, TypeInformation)");
        }
        OUT first = data.iterator().next();
        if (first == null) {
            throw new IllegalArgumentException("The collection contains a null element at position 0: sources cannot emit null");
        }
        TypeInformation<OUT> type = TypeExtractor.getForObject(first);
        for (OUT element : data) {
            if (element != null && !type.getTypeClass().isInstance(element)) {
                throw new IllegalArgumentException("The elements in the collection are not all of type "
                        + type.getTypeClass().getName() + " (found " + element.getClass().getName()
                        + "); use fromData(Collection, TypeInformation) with a common type");
            }
        }
        return fromData(data, type);
    }

    public <OUT> DataStreamSource<OUT> fromData(Collection<OUT> data, TypeInformation<OUT> typeInfo) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(typeInfo, "type information");
        FromElementsFunction<OUT> function = new FromElementsFunction<>(typeInfo.createSerializer(getSerializerConfig()), data);
        return addLegacySource(function, "Collection Source", typeInfo, false, true);
    }

    @SafeVarargs
    public final <OUT> DataStreamSource<OUT> fromElements(OUT... data) {
        return fromData(data);
    }

    public <OUT> DataStreamSource<OUT> fromCollection(Collection<OUT> data) {
        return fromData(data);
    }

    public <OUT> DataStreamSource<OUT> fromCollection(Collection<OUT> data, TypeInformation<OUT> typeInfo) {
        return fromData(data, typeInfo);
    }

    /** A bounded stream of the numbers {@code from..to} inclusive, produced in parallel. */
    public DataStreamSource<Long> fromSequence(long from, long to) {
        return addLegacySource(new SequenceSourceFunction(from, to), "Sequence Source",
                TypeExtractor.getForClass(Long.class), true, true);
    }

    public <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function) {
        return addSource(function, "Custom Source");
    }

    public <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function, String sourceName) {
        return addSource(function, sourceName, null);
    }

    public <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function, TypeInformation<OUT> typeInfo) {
        return addSource(function, "Custom Source", typeInfo);
    }

    /** Adds a legacy source function; unbounded; parallel only if it is a {@link ParallelSourceFunction}. */
    @SuppressWarnings("unchecked")
    public <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function, String sourceName, TypeInformation<OUT> typeInfo) {
        Objects.requireNonNull(function, "source function");
        TypeInformation<OUT> type = typeInfo;
        InvalidTypesException missing = null;
        if (type == null && function instanceof ResultTypeQueryable) {
            type = ((ResultTypeQueryable<OUT>) function).getProducedType();
        }
        if (type == null) {
            try {
                type = TypeExtractor.getOutputType(function, SourceFunction.class, 0);
            } catch (InvalidTypesException e) {
                missing = e;
            }
        }
        DataStreamSource<OUT> source = addLegacySource(function, sourceName, type,
                function instanceof ParallelSourceFunction, false);
        if (missing != null) {
            source.getTransformation().setMissingOutputType(missing);
        }
        return source;
    }

    private <OUT> DataStreamSource<OUT> addLegacySource(SourceFunction<OUT> function, String sourceName,
            TypeInformation<OUT> type, boolean parallel, boolean bounded) {
        SourceTransformation<OUT> t = new SourceTransformation<>("Source: " + sourceName, new StreamSource<>(function),
                type, parallel ? getDefaultParallelismForNewOperators() : 1, bounded);
        DataStreamSource<OUT> source = new DataStreamSource<>(this, t, parallel);
        addOperator(t);
        return source;
    }

    /** Adds a Source API source; the output type comes from the source if it is ResultTypeQueryable. */
    public <OUT> DataStreamSource<OUT> fromSource(Source<OUT, ?, ?> source, WatermarkStrategy<OUT> timestampsAndWatermarks,
            String sourceName) {
        return fromSource(source, timestampsAndWatermarks, sourceName, null);
    }

    @SuppressWarnings("unchecked")
    public <OUT> DataStreamSource<OUT> fromSource(Source<OUT, ?, ?> source, WatermarkStrategy<OUT> timestampsAndWatermarks,
            String sourceName, TypeInformation<OUT> typeInfo) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(timestampsAndWatermarks, "watermark strategy");
        Objects.requireNonNull(sourceName, "source name");
        TypeInformation<OUT> type = typeInfo;
        if (type == null && source instanceof ResultTypeQueryable) {
            type = ((ResultTypeQueryable<OUT>) source).getProducedType();
        }
        SourceReaderOperator<OUT> operator = new SourceReaderOperator<>(source, timestampsAndWatermarks);
        operator.setAutoWatermarkInterval(configuration.get(PipelineOptions.AUTO_WATERMARK_INTERVAL));
        SourceTransformation<OUT> t = new SourceTransformation<>("Source: " + sourceName, operator, type,
                getDefaultParallelismForNewOperators(), source.getBoundedness() == Boundedness.BOUNDED);
        if (type == null) {
            t.setMissingOutputType(new InvalidTypesException("The type of source '" + sourceName + "' ("
                    + source.getClass().getName() + ") is unknown: it does not implement ResultTypeQueryable;"
                    + " pass the type with fromSource(source, watermarkStrategy, name, typeInfo)"));
        }
        DataStreamSource<OUT> stream = new DataStreamSource<>(this, t, true);
        addOperator(t);
        return stream;
    }

    // ---------------------------------------------------------------- transformations

    /** Adds a transformation to run; the DataStream API calls this for every operator and sink. */
    public void addOperator(Transformation<?> transformation) {
        transformations.add(Objects.requireNonNull(transformation, "transformation"));
    }

    /** The transformations added since the last execution. */
    public List<Transformation<?>> getTransformations() {
        return List.copyOf(transformations);
    }

    // ---------------------------------------------------------------- execution

    public JobExecutionResult execute() throws Exception {
        return execute(defaultJobName());
    }

    /**
     * Runs the job. Attached ({@code execution.attached}, the default): waits until it ends and
     * throws its {@code JobExecutionException} if it failed. Detached: returns after submission.
     */
    public JobExecutionResult execute(String jobName) throws Exception {
        JobClient client = executeAsync(jobName);
        JobExecutionResult result;
        try {
            if (configuration.get(DeploymentOptions.ATTACHED)) {
                result = client.getJobExecutionResult().get();
            } else {
                result = new JobExecutionResult(client.getJobID(), 0);
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            notifyExecuted(null, cause);
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw e;
        } catch (Exception e) {
            notifyExecuted(null, e);
            throw e;
        }
        notifyExecuted(result, null);
        return result;
    }

    public JobClient executeAsync() throws Exception {
        return executeAsync(defaultJobName());
    }

    /** Submits the job and returns once it is accepted; the added transformations are cleared. */
    public JobClient executeAsync(String jobName) throws Exception {
        Pipeline pipeline = createPipeline(jobName);
        try {
            PipelineExecutor executor = findExecutorFactory().getExecutor(new Configuration(configuration));
            JobClient client = executor.execute(pipeline, new Configuration(configuration), userClassLoader).get();
            for (JobListener listener : jobListeners) {
                listener.onJobSubmitted(client, null);
            }
            return client;
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            for (JobListener listener : jobListeners) {
                listener.onJobSubmitted(null, cause);
            }
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw e;
        }
    }

    /** Builds the pipeline of everything added so far and clears the list (as Flink does). */
    public Pipeline createPipeline(String jobName) {
        if (transformations.isEmpty()) {
            throw new IllegalStateException("No operators defined in streaming topology. Cannot execute."
                    + " Add a sink (for example print()) before calling execute().");
        }
        Pipeline pipeline = new Pipeline(Objects.requireNonNull(jobName, "job name"), transformations, configuration);
        transformations.clear();
        return pipeline;
    }

    private String defaultJobName() {
        return configuration.getOptional(PipelineOptions.NAME).orElse(DEFAULT_JOB_NAME);
    }

    private PipelineExecutorFactory findExecutorFactory() {
        String target = configuration.get(DeploymentOptions.TARGET);
        List<String> available = new ArrayList<>();
        for (PipelineExecutorFactory factory : ServiceLoader.load(PipelineExecutorFactory.class, userClassLoader)) {
            if (factory.getName().equals(target)) {
                LOG.debug("Using executor '{}' ({})", target, factory.getClass().getName());
                return factory;
            }
            available.add(factory.getName());
        }
        throw new IllegalStateException("No executor for execution.target '" + target
                + "': add eddy-minicluster to the class path, or run with the eddy CLI"
                + (available.isEmpty() ? "" : " (available targets: " + available + ")"));
    }

    private void notifyExecuted(JobExecutionResult result, Throwable error) {
        for (JobListener listener : jobListeners) {
            listener.onJobExecuted(result, error);
        }
    }
}
