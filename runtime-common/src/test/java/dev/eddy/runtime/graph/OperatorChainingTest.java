package dev.eddy.runtime.graph;

import static dev.eddy.runtime.graph.GraphFixtures.build;
import static dev.eddy.runtime.graph.GraphFixtures.chainConfig;
import static dev.eddy.runtime.graph.GraphFixtures.coMap;
import static dev.eddy.runtime.graph.GraphFixtures.keyedMap;
import static dev.eddy.runtime.graph.GraphFixtures.map;
import static dev.eddy.runtime.graph.GraphFixtures.partition;
import static dev.eddy.runtime.graph.GraphFixtures.pipeline;
import static dev.eddy.runtime.graph.GraphFixtures.sink;
import static dev.eddy.runtime.graph.GraphFixtures.source;
import static dev.eddy.runtime.graph.GraphFixtures.vertexNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.dag.OneInputTransformation;
import dev.eddy.api.dag.SourceTransformation;
import dev.eddy.api.dag.UnionTransformation;
import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.PipelineOptions;
import dev.eddy.proto.JobEdgeProto;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.PartitionType;
import dev.eddy.streaming.api.operators.ChainingStrategy;
import dev.eddy.api.dag.PartitionTransformation;
import dev.eddy.streaming.runtime.partitioner.ForwardPartitioner;
import dev.eddy.streaming.runtime.partitioner.KeyGroupStreamPartitioner;
import dev.eddy.streaming.runtime.partitioner.PartitionKind;
import dev.eddy.streaming.runtime.partitioner.RebalancePartitioner;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorChainingTest {

    @Test
    void sourceMapFilterSinkChainIntoOneVertex() {
        SourceTransformation<String> src = source("numbers", 2);
        OneInputTransformation<String, String> sink = sink(map(map(src, "Map", 2), "Filter", 2), "out", 2);

        JobGraphProto graph = build(sink);

        assertThat(vertexNames(graph)).containsExactly("Source: numbers -> Map -> Filter -> Sink: out");
        assertThat(graph.getEdgesList()).isEmpty();
        assertThat(graph.getVertices(0).getParallelism()).isEqualTo(2);
        assertThat(graph.getVertices(0).getSlotSharingGroup()).isEqualTo("default");
        TaskChainConfig config = chainConfig(graph.getVertices(0));
        assertThat(config.getOperators()).extracting(OperatorConfig::getName)
                .containsExactly("Source: numbers", "Map", "Filter", "Sink: out");
        assertThat(config.getOperators()).extracting(OperatorConfig::getChainedOutputs)
                .containsExactly(List.of(1), List.of(2), List.of(3), List.of());
        assertThat(config.getOperators()).allSatisfy(op -> assertThat(op.getNetworkOutputs()).isEmpty());
        assertThat(config.getInEdges()).isEmpty();
        assertThat(config.getHead().getOperator()).isInstanceOf(GraphFixtures.TestSource.class);
        assertThat(config.getOperators().get(2).getOutputSerializer()).isEqualTo(new GraphFixtures.TestSerializer<>(String.class));
        assertThat(config.getOperators().get(3).getOutputSerializer()).as("a sink has no consumers").isNull();
    }

    @Test
    void keyByBreaksTheChainWithAHashEdge() {
        SourceTransformation<String> src = source("s", 2);
        OneInputTransformation<String, String> keyed = keyedMap(src, "Keyed", 2);
        JobGraphProto graph = build(sink(keyed, "out", 2));

        assertThat(vertexNames(graph)).containsExactly("Source: s", "Keyed -> Sink: out");
        JobEdgeProto edge = graph.getEdges(0);
        assertThat(edge.getPartitionType()).isEqualTo(PartitionType.HASH);
        assertThat(edge.getSourceVertexId()).isEqualTo(graph.getVertices(0).getId());
        assertThat(edge.getTargetVertexId()).isEqualTo(graph.getVertices(1).getId());

        OperatorConfig sourceOp = chainConfig(graph.getVertices(0)).getHead();
        assertThat(sourceOp.getChainedOutputs()).isEmpty();
        assertThat(sourceOp.getNetworkOutputs()).singleElement().satisfies(out -> {
            assertThat(out.getOutEdgeIndex()).isZero();
            assertThat(out.getPartitioner().kind()).isEqualTo(PartitionKind.HASH);
            assertThat(out.getSerializer()).isEqualTo(new GraphFixtures.TestSerializer<>(String.class));
            assertThat(out.getBufferTimeoutMillis()).isEqualTo(-1);
        });
        assertThat(((KeyGroupStreamPartitioner<?, ?>) sourceOp.getNetworkOutputs().get(0).getPartitioner()).getMaxParallelism())
                .as("configured with the consumer's max parallelism").isEqualTo(128);
        var userPartitioner = (KeyGroupStreamPartitioner<?, ?>) ((PartitionTransformation<?>) keyed.getInput()).getPartitioner();
        assertThat(userPartitioner.getMaxParallelism()).as("the user's partitioner is not modified").isEqualTo(-1);
        TaskChainConfig keyedChain = chainConfig(graph.getVertices(1));
        OperatorConfig keyedOp = keyedChain.getHead();
        assertThat(keyedOp.isKeyed()).isTrue();
        assertThat(keyedOp.getStateKeySelector1()).isInstanceOf(GraphFixtures.FirstCharKey.class);
        assertThat(keyedOp.getStateKeySerializer()).isEqualTo(new GraphFixtures.TestSerializer<>(Long.class));
        assertThat(keyedChain.getOperators().get(1).isKeyed()).isFalse();
        assertThat(keyedChain.getInEdges()).singleElement().satisfies(in -> {
            assertThat(in.getInputIndex()).isZero();
            assertThat(in.getSerializer()).isEqualTo(new GraphFixtures.TestSerializer<>(String.class));
        });
    }

    @Test
    void differentParallelismGetsARebalanceEdge() {
        JobGraphProto graph = build(sink(map(source("s", 1), "Map", 4), "out", 4));

        assertThat(vertexNames(graph)).containsExactly("Source: s", "Map -> Sink: out");
        assertThat(graph.getEdges(0).getPartitionType()).isEqualTo(PartitionType.REBALANCE);
        assertThat(graph.getVertices(1).getParallelism()).isEqualTo(4);
        assertThat(chainConfig(graph.getVertices(0)).getHead().getNetworkOutputs().get(0).getPartitioner())
                .isInstanceOf(RebalancePartitioner.class);
    }

    @Test
    void explicitForwardBetweenDifferentParallelismIsAnError() {
        SourceTransformation<String> src = source("s", 2);
        OneInputTransformation<String, String> m = map(partition(src, PartitionKind.FORWARD), "Map", 4);

        assertThatThrownBy(() -> build(m))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Forward partitioning does not allow change of parallelism. Upstream operation: Source: s parallelism: 2,"
                        + " downstream operation: Map parallelism: 4 You must use another partitioning strategy, such as"
                        + " broadcast, rebalance, shuffle or global.");
    }

    @Test
    void explicitRebalanceBetweenEqualParallelismDoesNotChain() {
        JobGraphProto graph = build(map(partition(source("s", 2), PartitionKind.REBALANCE), "Map", 2));

        assertThat(vertexNames(graph)).containsExactly("Source: s", "Map");
        assertThat(graph.getEdges(0).getPartitionType()).isEqualTo(PartitionType.REBALANCE);
    }

    @Test
    void explicitForwardChainsAndRescaleDoesNot() {
        JobGraphProto forward = build(map(partition(source("s", 2), PartitionKind.FORWARD), "Map", 2));
        assertThat(vertexNames(forward)).containsExactly("Source: s -> Map");

        JobGraphProto rescale = build(map(partition(source("s", 2), PartitionKind.RESCALE), "Map", 4));
        assertThat(vertexNames(rescale)).containsExactly("Source: s", "Map");
        assertThat(rescale.getEdges(0).getPartitionType()).isEqualTo(PartitionType.RESCALE);
    }

    @Test
    void thePartitioningClosestToTheConsumerWins() {
        var twice = partition(partition(source("s", 2), PartitionKind.SHUFFLE), PartitionKind.BROADCAST);
        JobGraphProto graph = build(map(twice, "Map", 2));
        assertThat(graph.getEdges(0).getPartitionType()).isEqualTo(PartitionType.BROADCAST);
    }

    @Test
    void disableChainingIsolatesTheOperator() {
        OneInputTransformation<String, String> m = map(source("s", 1), "Map", 1);
        m.setChainingStrategy(ChainingStrategy.NEVER);
        JobGraphProto graph = build(sink(m, "out", 1));

        assertThat(vertexNames(graph)).containsExactly("Source: s", "Map", "Sink: out");
        assertThat(graph.getEdgesList()).extracting(JobEdgeProto::getPartitionType)
                .containsExactly(PartitionType.FORWARD, PartitionType.FORWARD);
        assertThat(chainConfig(graph.getVertices(0)).getHead().getNetworkOutputs().get(0).getPartitioner())
                .isInstanceOf(ForwardPartitioner.class);
    }

    @Test
    void startNewChainStartsAChainThatSuccessorsJoin() {
        OneInputTransformation<String, String> m = map(source("s", 1), "Map", 1);
        m.setChainingStrategy(ChainingStrategy.HEAD);
        JobGraphProto graph = build(sink(m, "out", 1));

        assertThat(vertexNames(graph)).containsExactly("Source: s", "Map -> Sink: out");
    }

    @Test
    void slotSharingGroupBreaksTheChainAndIsInherited() {
        OneInputTransformation<String, String> m = map(source("s", 1), "Map", 1);
        m.setSlotSharingGroup("heavy");
        JobGraphProto graph = build(sink(m, "out", 1));

        assertThat(vertexNames(graph)).containsExactly("Source: s", "Map -> Sink: out");
        assertThat(graph.getVerticesList()).extracting(v -> v.getSlotSharingGroup()).containsExactly("default", "heavy");
    }

    @Test
    void chainingCanBeDisabledForTheJob() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.OPERATOR_CHAINING, false);
        JobGraphProto graph = JobGraphGenerator.createJobGraph(pipeline(conf, sink(map(source("s", 1), "Map", 1), "out", 1)), null);

        assertThat(vertexNames(graph)).containsExactly("Source: s", "Map", "Sink: out");
    }

    @Test
    void unionGivesOneEdgePerInputIntoTheConsumer() {
        SourceTransformation<String> a = source("a", 1);
        SourceTransformation<String> b = source("b", 1);
        OneInputTransformation<String, String> m = map(new UnionTransformation<>(List.of(a, b)), "Map", 1);
        JobGraphProto graph = build(m);

        assertThat(vertexNames(graph)).containsExactly("Source: a", "Source: b", "Map");
        assertThat(graph.getEdgesList()).extracting(JobEdgeProto::getSourceVertexId)
                .containsExactly(graph.getVertices(0).getId(), graph.getVertices(1).getId());
        assertThat(graph.getEdgesList()).allSatisfy(e -> {
            assertThat(e.getTargetVertexId()).isEqualTo(graph.getVertices(2).getId());
            assertThat(e.getTargetInputIndex()).isZero();
            assertThat(e.getPartitionType()).isEqualTo(PartitionType.FORWARD);
        });
        assertThat(chainConfig(graph.getVertices(2)).getInEdges()).extracting(InEdgeConfig::getInputIndex).containsExactly(0, 0);
    }

    @Test
    void twoInputOperatorsStartAChainAndNumberTheirInputs() {
        SourceTransformation<String> a = source("a", 1);
        SourceTransformation<String> b = source("b", 1);
        JobGraphProto graph = build(sink(coMap(a, b, "CoMap", 1), "out", 1));

        assertThat(vertexNames(graph)).containsExactly("Source: a", "Source: b", "CoMap -> Sink: out");
        assertThat(graph.getEdgesList()).extracting(JobEdgeProto::getTargetInputIndex).containsExactly(0, 1);
        assertThat(chainConfig(graph.getVertices(2)).getInEdges()).extracting(InEdgeConfig::getInputIndex).containsExactly(0, 1);
    }

    @Test
    void aForkChainsBothBranchesIntoTheProducersVertex() {
        SourceTransformation<String> src = source("s", 1);
        JobGraphProto graph = build(sink(map(src, "A", 1), "a", 1), sink(map(src, "B", 1), "b", 1));

        assertThat(graph.getVerticesCount()).isEqualTo(1);
        TaskChainConfig config = chainConfig(graph.getVertices(0));
        assertThat(config.getHead().getChainedOutputs()).hasSize(2);
        for (int idx : config.getHead().getChainedOutputs()) {
            assertThat(config.getOperators().get(idx).getName()).isIn("A", "B");
        }
    }
}
