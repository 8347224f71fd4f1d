package dev.eddy.streaming.api.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.JobExecutionResult;
import dev.eddy.api.common.functions.MapFunction;
import dev.eddy.api.dag.Pipeline;
import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.CoreOptions;
import dev.eddy.configuration.DeploymentOptions;
import dev.eddy.configuration.ExecutionOptions;
import dev.eddy.configuration.PipelineOptions;
import dev.eddy.core.execution.JobClient;
import dev.eddy.core.execution.JobExecutionException;
import dev.eddy.core.execution.JobListener;
import dev.eddy.streaming.api.functions.sink.legacy.SinkFunction;
import dev.eddy.streaming.util.TestTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
    static final Map<String, List<Object>> SINKS = new ConcurrentHashMap<>();

    @AfterEach
    void reset() {
        StreamExecutionEnvironment.resetContextEnvironment();
    }

    static StreamExecutionEnvironment testEnv() {
        Configuration c = new Configuration();
        c.set(DeploymentOptions.TARGET, TestExecutorFactory.NAME);
        return StreamExecutionEnvironment.getExecutionEnvironment(c);
    }

    /** Appends every record to SINKS[id]. */
    static <T> SinkFunction<T> collecting(String id) {
        SINKS.put(id, Collections.synchronizedList(new ArrayList<>()));
        return new SinkFunction<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void invoke(T value, Context context) {
                SINKS.get(id).add(value);
            }
        };
    }

    @Test
    void settingsMergeDefaultsContextAndArgument() {
        Configuration context = new Configuration();
        context.set(CoreOptions.DEFAULT_PARALLELISM, 3);
        context.set(PipelineOptions.NAME, "from-context");
        StreamExecutionEnvironment.initializeContextEnvironment(context);

        assertThat(StreamExecutionEnvironment.getExecutionEnvironment().getParallelism()).isEqualTo(3);
        Configuration arg = new Configuration();
        arg.set(CoreOptions.DEFAULT_PARALLELISM, 5);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(arg);
        assertThat(env.getParallelism()).isEqualTo(5);
        assertThat(env.getConfiguration().get(PipelineOptions.NAME)).isEqualTo("from-context");
        assertThat(env.getConfiguration().get(DeploymentOptions.ATTACHED)).isTrue();

        StreamExecutionEnvironment.resetContextEnvironment();
        assertThat(StreamExecutionEnvironment.getExecutionEnvironment().getParallelism()).isEqualTo(1);
    }

    @Test
    void fromSourceTakesTheConfiguredWatermarkInterval() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                Configuration.fromMap(Map.of("pipeline.auto-watermark-interval", "50 ms")));
        var source = env.fromSource(new dev.eddy.api.connector.source.lib.NumberSequenceSource(0, 9),
                dev.eddy.api.common.eventtime.WatermarkStrategy.noWatermarks(), "numbers");
        var transformation = (dev.eddy.api.dag.SourceTransformation<?>) source.getTransformation();
        var operator = (dev.eddy.streaming.api.operators.source.SourceReaderOperator<?>) transformation.getOperator();
        assertThat(operator.getAutoWatermarkInterval()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void settersWriteFlinkKeys() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(6).setMaxParallelism(256).setBufferTimeout(5);
        Map<String, String> m = env.getConfiguration().toMap();
        assertThat(m).containsEntry("parallelism.default", "6").containsEntry("pipeline.max-parallelism", "256");
        assertThat(env.getConfiguration().get(ExecutionOptions.BUFFER_TIMEOUT)).isEqualTo(Duration.ofMillis(5));
        assertThat(env.getBufferTimeout()).isEqualTo(5);
        env.setBufferTimeout(-1);
        assertThat(env.getBufferTimeout()).isEqualTo(-1);
        assertThat(env.getConfiguration().get(ExecutionOptions.BUFFER_TIMEOUT_ENABLED)).isFalse();
        assertThatThrownBy(() -> env.setParallelism(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> env.setMaxParallelism(1 << 16)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void executeWithoutOperatorsOrExecutorFailsClearly() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertThatThrownBy(env::execute).isInstanceOf(IllegalStateException.class).hasMessageContaining("No operators");
        env.fromData(List.of(1), TestTypes.INT).addSink(collecting("unused"));
        assertThatThrownBy(env::execute).isInstanceOf(IllegalStateException.class).hasMessageStartingWith(
                "No executor for execution.target 'local': add eddy-minicluster to the class path, or run with the eddy CLI");
    }

    @Test
    void attachedExecutionRunsTheJobAndTellsListeners() throws Exception {
        StreamExecutionEnvironment.addContextJobListener(new NoopListener());
        StreamExecutionEnvironment env = testEnv();
        List<String> events = new ArrayList<>();
        env.registerJobListener(new JobListener() {
            @Override
            public void onJobSubmitted(JobClient jobClient, Throwable throwable) {
                events.add("submitted " + (jobClient != null) + " " + throwable);
            }

            @Override
            public void onJobExecuted(JobExecutionResult result, Throwable throwable) {
                events.add("executed " + (result != null) + " " + throwable);
            }
        });
        assertThat(env.getJobListeners()).hasSize(2);
        env.fromData(List.of(1, 2, 3), TestTypes.INT)
                .map((MapFunction<Integer, Integer>) v -> v * 10, TestTypes.INT)
                .addSink(collecting("attached"));
        int before = TestExecutorFactory.SUBMITTED.size();
        JobExecutionResult result = env.execute();
        assertThat(result.getJobID()).isNotNull();
        assertThat(SINKS.get("attached")).containsExactly(10, 20, 30);
        assertThat(events).containsExactly("submitted true null", "executed true null");
        Pipeline p = TestExecutorFactory.SUBMITTED.get(before);
        assertThat(p.getJobName()).isEqualTo("Eddy Streaming Job");
        assertThat(p.getTransformations()).hasSize(3);
        assertThat(env.getTransformations()).isEmpty();
    }

    @Test
    void failedJobThrowsItsJobExecutionException() {
        StreamExecutionEnvironment env = testEnv();
        List<Throwable> executed = new ArrayList<>();
        env.registerJobListener(new JobListener() {
            @Override
            public void onJobSubmitted(JobClient jobClient, Throwable throwable) {}

            @Override
            public void onJobExecuted(JobExecutionResult result, Throwable throwable) {
                executed.add(throwable);
            }
        });
        env.fromData(List.of(1, 2, 3), TestTypes.INT)
                .map(new FailOn(2), TestTypes.INT)
                .addSink(collecting("failing"));
        assertThatThrownBy(() -> env.execute("failing job"))
                .isInstanceOf(JobExecutionException.class)
                .rootCause().hasMessage("bad record 2");
        assertThat(executed).hasSize(1).first().isInstanceOf(JobExecutionException.class);
    }

    @Test
    void detachedExecutionReturnsRightAfterSubmission() throws Exception {
        StreamExecutionEnvironment env = testEnv();
        env.getConfiguration().set(DeploymentOptions.ATTACHED, false);
        env.addSource(new ForeverSource(), "forever", TestTypes.INT).addSink(collecting("detached"));
        JobExecutionResult result = env.execute("detached job");
        assertThat(result.getNetRuntime()).isZero();
        assertThat(TestExecutorFactory.SUBMITTED.get(TestExecutorFactory.SUBMITTED.size() - 1).getJobName())
                .isEqualTo("detached job");
    }

    static final class FailOn implements MapFunction<Integer, Integer> {
        private static final long serialVersionUID = 1L;
        private final int bad;

        FailOn(int bad) {
            this.bad = bad;
        }

        @Override
        public Integer map(Integer value) {
            if (value == bad) {
                throw new IllegalStateException("bad record " + value);
            }
            return value;
        }
    }

    /** Emits increasing numbers until cancelled. */
    static final class ForeverSource implements dev.eddy.streaming.api.functions.source.legacy.SourceFunction<Integer> {
        private static final long serialVersionUID = 1L;
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<Integer> ctx) throws Exception {
            int i = 0;
            while (running) {
                ctx.collect(i++);
                if (i % 100 == 0) {
                    Thread.sleep(1);
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    static final class NoopListener implements JobListener {
        @Override
        public void onJobSubmitted(JobClient jobClient, Throwable throwable) {}

        @Override
        public void onJobExecuted(JobExecutionResult result, Throwable throwable) {}
    }
}
