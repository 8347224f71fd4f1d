package dev.eddy.streaming.api.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.functions.MapFunction;
import dev.eddy.api.common.functions.ReduceFunction;
import dev.eddy.api.dag.OneInputTransformation;
import dev.eddy.api.dag.Pipeline;
import dev.eddy.api.dag.Transformation;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.util.TestTypes;
import dev.eddy.util.CloseableIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CollectTest {

    @Test
    void collectsAllRecordsInOrderAndEndsWithTheJob() throws Exception {
        StreamExecutionEnvironment env = EnvironmentTest.testEnv();
        DataStream<Integer> doubled = env.fromData(List.of(1, 2, 3, 4, 5), TestTypes.INT)
                .map((MapFunction<Integer, Integer>) v -> v * 2, TestTypes.INT);
        List<Integer> got = new ArrayList<>();
        try (CloseableIterator<Integer> it = doubled.executeAndCollect()) {
            it.forEachRemaining(got::add);
            assertThat(it.hasNext()).isFalse();
        }
        assertThat(got).containsExactly(2, 4, 6, 8, 10);
        Pipeline p = TestExecutorFactory.SUBMITTED.get(TestExecutorFactory.SUBMITTED.size() - 1);
        Transformation<?> sink = p.getTransformations().get(p.getTransformations().size() - 1);
        assertThat(sink).isInstanceOf(OneInputTransformation.class);
        assertThat(sink.getName()).isEqualTo("Sink: Data stream collect sink");
        assertThat(sink.getParallelism()).isEqualTo(1);
    }

    @Test
    void keyedRollingReduceThroughCollect() throws Exception {
        StreamExecutionEnvironment env = EnvironmentTest.testEnv();
        ReduceFunction<Integer> sum = Integer::sum;
        List<Integer> got = env.fromData(List.of(1, 2, 3, 4, 5), TestTypes.INT)
                .keyBy(v -> v % 2, TestTypes.INT)
                .reduce(sum)
                .executeAndCollect(100);
        assertThat(got).containsExactly(1, 2, 4, 6, 9);
    }

    @Test
    void limitStopsAnUnboundedJob() throws Exception {
        StreamExecutionEnvironment env = EnvironmentTest.testEnv();
        List<Integer> got = env.addSource(new EnvironmentTest.ForeverSource(), "forever", TestTypes.INT).executeAndCollect(3);
        assertThat(got).containsExactly(0, 1, 2);
    }

    @Test
    void jobFailureSurfacesFromTheIterator() throws Exception {
        StreamExecutionEnvironment env = EnvironmentTest.testEnv();
        DataStream<Integer> failing = env.fromData(List.of(1, 2, 3), TestTypes.INT)
                .map(new EnvironmentTest.FailOn(3), TestTypes.INT);
        List<Integer> got = new ArrayList<>();
        try (CloseableIterator<Integer> it = failing.executeAndCollect()) {
            assertThatThrownBy(() -> it.forEachRemaining(got::add))
                    .isInstanceOf(RuntimeException.class)
                    .hasMessageContaining("failed")
                    .rootCause().hasMessage("bad record 3");
        }
        assertThat(got).containsExactly(1, 2);
    }
}
