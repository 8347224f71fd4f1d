package dev.eddy.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.execution.PipelineExecutorFactory;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobVertexProto;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class LocalPipelineExecutorTest {
    private static JobGraphProto graph(int... parallelisms) {
        JobGraphProto.Builder b = JobGraphProto.newBuilder();
        for (int p : parallelisms) {
            b.addVertices(JobVertexProto.newBuilder().setParallelism(p));
        }
        return b.build();
    }

    @Test
    void slotsCoverTheHighestParallelismAcrossTaskManagers() {
        assertThat(LocalPipelineExecutor.slotsFor(graph(2, 5, 1), 1)).isEqualTo(5);
        assertThat(LocalPipelineExecutor.slotsFor(graph(2, 5, 1), 2)).isEqualTo(3);
        assertThat(LocalPipelineExecutor.slotsFor(graph(4), 4)).isEqualTo(1);
        assertThat(LocalPipelineExecutor.slotsFor(graph(), 1)).isEqualTo(1);
    }

    @Test
    void registeredAsTheLocalTarget() {
        assertThat(StreamSupport.stream(ServiceLoader.load(PipelineExecutorFactory.class).spliterator(), false)
                .map(PipelineExecutorFactory::getName).collect(Collectors.toList())).contains("local");
    }
}
