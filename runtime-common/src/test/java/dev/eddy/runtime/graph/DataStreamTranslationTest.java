package dev.eddy.runtime.graph;

import static dev.eddy.runtime.graph.GraphFixtures.chainConfig;
import static dev.eddy.runtime.graph.GraphFixtures.vertexNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.configuration.Configuration;
import dev.eddy.proto.JobEdgeProto;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.PartitionType;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.runtime.partitioner.KeyGroupStreamPartitioner;
import org.junit.jupiter.api.Test;

/** The translator fed by the real DataStream API, as {@code execute()} would. */
class DataStreamTranslationTest {

    @Test
    void keyedAggregationJobTranslatesLikeFlink() {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(2);
        env.fromSequence(1, 100)
                .map(x -> x * 2, Types.LONG)
                .filter(x -> x % 3 != 0)
                .keyBy(x -> x % 5, Types.LONG)
                .reduce(Long::sum)
                .print();

        JobGraphProto graph = JobGraphGenerator.createJobGraph(env.createPipeline("agg"), null);

        assertThat(graph.getVerticesCount()).isEqualTo(2);
        assertThat(vertexNames(graph).get(0)).endsWith(" -> Map -> Filter");
        assertThat(graph.getVerticesList()).allSatisfy(v -> assertThat(v.getParallelism()).isEqualTo(2));
        assertThat(graph.getEdgesList()).extracting(JobEdgeProto::getPartitionType).containsExactly(PartitionType.HASH);
        var out = chainConfig(graph.getVertices(0)).getOperators().get(2).getNetworkOutputs().get(0);
        assertThat(((KeyGroupStreamPartitioner<?, ?>) out.getPartitioner()).getMaxParallelism()).isEqualTo(128);
        var keyed = chainConfig(graph.getVertices(1)).getHead();
        assertThat(keyed.isKeyed()).isTrue();
        assertThat(keyed.getStateKeySerializer()).isNotNull();
    }
}
