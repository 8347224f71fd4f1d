package dev.eddy.runtime.graph;

import static dev.eddy.runtime.graph.GraphFixtures.build;
import static dev.eddy.runtime.graph.GraphFixtures.chainConfig;
import static dev.eddy.runtime.graph.GraphFixtures.keyedMap;
import static dev.eddy.runtime.graph.GraphFixtures.map;
import static dev.eddy.runtime.graph.GraphFixtures.partition;
import static dev.eddy.runtime.graph.GraphFixtures.pipeline;
import static dev.eddy.runtime.graph.GraphFixtures.sink;
import static dev.eddy.runtime.graph.GraphFixtures.source;
import static dev.eddy.runtime.graph.GraphFixtures.vertexById;
import static dev.eddy.runtime.graph.GraphFixtures.vertexNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.dag.OneInputTransformation;
import dev.eddy.api.dag.SourceTransformation;
import dev.eddy.api.dag.Transformation;
import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.CoreOptions;
import dev.eddy.configuration.PipelineOptions;
import dev.eddy.proto.JobEdgeProto;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobVertexProto;
import dev.eddy.proto.PartitionType;
import dev.eddy.streaming.runtime.partitioner.PartitionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class JobGraphGeneratorTest {

    @Test
    void emptyPipelineIsRejectedWithFlinksMessage() {
        assertThatThrownBy(() -> JobGraphGenerator.createJobGraph(pipeline(new Configuration()), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No operators defined in streaming topology. Cannot execute.");
    }

    @Test
    void jobLevelFieldsAreFilledIn() {
        Configuration conf = new Configuration();
        conf.set(CoreOptions.DEFAULT_PARALLELISM, 3);
        conf.setString("execution.buffer-timeout", "10 ms");
        JobGraphProto a = JobGraphGenerator.createJobGraph(pipeline(conf, sink(source("s", -1), "out", -1)), "ab12");
        JobGraphProto b = JobGraphGenerator.createJobGraph(pipeline(conf, sink(source("s", -1), "out", -1)), null);

        assertThat(a.getJobId()).matches("[0-9a-f]{32}").isNotEqualTo(b.getJobId());
        assertThat(a.getJobName()).isEqualTo("test job");
        assertThat(a.getJarSha256()).isEqualTo("ab12");
        assertThat(b.getJarSha256()).isEmpty();
        assertThat(a.getJobConfigurationMap()).containsEntry("parallelism.default", "3").containsEntry("execution.buffer-timeout", "10 ms");
        assertThat(a.getVertices(0).getParallelism()).as("parallelism.default applies to unset parallelism").isEqualTo(3);
    }

    @Test
    void maxParallelismDefaultsFromParallelismThenPipelineThenOperator() {
        assertThat(build(source("s", 4)).getVertices(0).getMaxParallelism()).isEqualTo(128);
        assertThat(build(source("s", 100)).getVertices(0).getMaxParallelism()).isEqualTo(256);

        Configuration conf = new Configuration();
        conf.set(PipelineOptions.MAX_PARALLELISM, 512);
        JobGraphProto fromPipeline = JobGraphGenerator.createJobGraph(pipeline(conf, source("s", 4)), null);
        assertThat(fromPipeline.getVertices(0).getMaxParallelism()).isEqualTo(512);

        SourceTransformation<String> own = source("s", 4);
        own.setMaxParallelism(64);
        assertThat(JobGraphGenerator.createJobGraph(pipeline(conf, own), null).getVertices(0).getMaxParallelism()).isEqualTo(64);
    }

    @Test
    void parallelismAboveMaxParallelismIsAnError() {
        SourceTransformation<String> src = source("s", 8);
        src.setMaxParallelism(4);
        assertThatThrownBy(() -> build(src))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Operator 'Source: s' (id 1)")
                .hasMessageContaining("parallelism 8 is larger than the max parallelism 4");
    }

    @Test
    void verticesAreTopologicallySortedAndEdgesPointForward() {
        // Created out of order on purpose: the sink's inputs are listed consumer-first.
        SourceTransformation<String> s1 = source("one", 1);
        OneInputTransformation<String, String> m1 = map(s1, "M1", 2);
        SourceTransformation<String> s2 = source("two", 3);
        OneInputTransformation<String, String> joinish = map(
                new dev.eddy.api.dag.UnionTransformation<>(List.of(m1, map(s2, "M2", 3))), "After", 2);
        JobGraphProto graph = build(sink(joinish, "out", 1));

        List<String> ids = graph.getVerticesList().stream().map(JobVertexProto::getId).toList();
        assertThat(vertexNames(graph).get(0)).startsWith("Source:");
        for (JobEdgeProto e : graph.getEdgesList()) {
            assertThat(ids.indexOf(e.getSourceVertexId())).isLessThan(ids.indexOf(e.getTargetVertexId()));
        }
        assertThat(vertexNames(graph)).containsExactly("Source: one", "M1", "Source: two -> M2", "After", "Sink: out");
    }

    @Test
    void edgesAreGroupedByTargetAndIndexedPerSourceVertex() {
        SourceTransformation<String> src = source("s", 1);
        OneInputTransformation<String, String> a = map(src, "A", 2);
        OneInputTransformation<String, String> b = map(partition(src, PartitionKind.BROADCAST), "B", 1);
        JobGraphProto graph = build(sink(a, "a", 2), sink(b, "b", 1));

        // Source vertex: outputs to A (rebalance) and B (broadcast), in JobGraphProto.edges order.
        String srcId = graph.getVertices(0).getId();
        List<JobEdgeProto> out = graph.getEdgesList().stream().filter(e -> e.getSourceVertexId().equals(srcId)).toList();
        assertThat(out).hasSize(2);
        List<NetworkOutputConfig> network = new ArrayList<>(chainConfig(graph.getVertices(0)).getHead().getNetworkOutputs());
        assertThat(network).hasSize(2);
        for (NetworkOutputConfig n : network) {
            JobEdgeProto edge = out.get(n.getOutEdgeIndex());
            assertThat(edge.getPartitionType()).isEqualTo(JobGraphGenerator.partitionType(n.getPartitioner().kind()));
        }
        assertThat(network).extracting(NetworkOutputConfig::getOutEdgeIndex).containsExactlyInAnyOrder(0, 1);
        assertThat(out).extracting(JobEdgeProto::getPartitionType).containsExactlyInAnyOrder(PartitionType.REBALANCE, PartitionType.BROADCAST);
        // Edges are grouped by target in vertex order.
        List<String> vertexOrder = graph.getVerticesList().stream().map(JobVertexProto::getId).toList();
        List<Integer> targetPositions = graph.getEdgesList().stream().map(e -> vertexOrder.indexOf(e.getTargetVertexId())).toList();
        assertThat(targetPositions).isSorted();
    }

    @Test
    void userPartitionerIsCopiedPerEdgeAndCustomWiresAllToAll() {
        SourceTransformation<String> src = source("s", 2);
        var custom = partition(src, PartitionKind.CUSTOM);
        JobGraphProto graph = build(map(custom, "A", 2), map(custom, "B", 2));

        assertThat(graph.getEdgesList()).extracting(JobEdgeProto::getPartitionType).containsOnly(PartitionType.HASH);
        List<NetworkOutputConfig> outs = chainConfig(graph.getVertices(0)).getHead().getNetworkOutputs();
        assertThat(outs).hasSize(2);
        assertThat(outs.get(0).getPartitioner()).isNotSameAs(custom.getPartitioner()).isNotSameAs(outs.get(1).getPartitioner());
    }

    @Test
    void sameProgramBuiltTwiceGetsTheSameIdsWhatEverTheTransformationCounter() {
        Supplier<Transformation<?>> program = () -> sink(keyedMap(map(source("s", 2), "Map", 2), "Keyed", 4), "out", 4);
        JobGraphProto first = build(program.get());
        for (int i = 0; i < 5; i++) {
            source("unrelated", 1); // advances the global transformation id counter
        }
        JobGraphProto second = build(program.get());

        assertThat(second.getVerticesList()).extracting(JobVertexProto::getId)
                .containsExactlyElementsOf(first.getVerticesList().stream().map(JobVertexProto::getId).toList());
        assertThat(second.getVerticesList()).extracting(JobVertexProto::getOperatorUidsList)
                .containsExactlyElementsOf(first.getVerticesList().stream().map(JobVertexProto::getOperatorUidsList).toList());
        assertThat(first.getVertices(0).getId()).matches("[0-9a-f]{32}");
        assertThat(first.getVertices(0).getOperatorUidsList()).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void userUidsAreKeptAndMustBeUnique() {
        OneInputTransformation<String, String> m = map(source("s", 1), "Map", 1);
        m.setUid("my-map");
        JobGraphProto graph = build(sink(m, "out", 1));
        assertThat(graph.getVertices(0).getOperatorUidsList()).element(1).isEqualTo("my-map");
        assertThat(chainConfig(graph.getVertices(0)).getOperators().get(1).getUid()).isEqualTo("my-map");

        OneInputTransformation<String, String> other = map(m, "Other", 1);
        other.setUid("my-map");
        assertThatThrownBy(() -> build(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Hash collision on user-specified ID 'my-map'");
    }

    @Test
    void vertexIdFollowsTheHeadsUidSoItSurvivesUnrelatedChanges() {
        SourceTransformation<String> a = source("s", 1);
        a.setUid("the-source");
        SourceTransformation<String> b = source("s", 1);
        b.setUid("the-source");
        JobGraphProto one = build(sink(a, "x", 1));
        JobGraphProto two = build(sink(map(b, "Extra", 2), "y", 2));
        assertThat(vertexById(two, one.getVertices(0).getId()).getName()).isEqualTo("Source: s");
    }

    @Test
    void unsupportedOutputTypeFailsAtBuildTimeNamingTheOperator() {
        SourceTransformation<String> src = source("s", 1);
        OneInputTransformation<String, Object> bad = new OneInputTransformation<>(src, "Map", new GraphFixtures.TestMap<>(),
                new GraphFixtures.TestType<>(Object.class, GraphFixtures.Mode.UNSUPPORTED), 1);
        assertThatThrownBy(() -> build(sink(bad, "out", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Operator 'Map' (id 2): Type java.lang.Object has no serializer");
    }

    @Test
    void javaSerializationFallbackReachesTheSerializerConfig() {
        Supplier<Transformation<?>> program = () -> sink(new OneInputTransformation<>(source("s", 1), "Map",
                new GraphFixtures.TestMap<String, Object>(), new GraphFixtures.TestType<>(Object.class, GraphFixtures.Mode.NEEDS_JAVA_FALLBACK), 1), "out", 1);
        assertThatThrownBy(() -> build(program.get())).hasMessageStartingWith("Operator 'Map' (id 2): ");

        Configuration conf = new Configuration();
        conf.set(PipelineOptions.JAVA_SERIALIZATION_FALLBACK, true);
        assertThat(JobGraphGenerator.createJobGraph(pipeline(conf, program.get()), null).getVerticesCount()).isEqualTo(1);
    }

    @Test
    void missingOutputTypeIsAnInvalidTypesExceptionNamingTheOperator() {
        OneInputTransformation<String, String> m = map(source("s", 1), "Map", 1);
        m.setMissingOutputType(new InvalidTypesException("Could not extract the output type of the lambda"));
        assertThatThrownBy(() -> build(sink(m, "out", 1)))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessage("Operator 'Map' (id 2): Could not extract the output type of the lambda");
    }

    @Test
    void nonSerializableOperatorIsReportedByName() {
        SourceTransformation<String> src = source("s", 1);
        OneInputTransformation<String, String> m = new OneInputTransformation<>(src, "Leaky", new LeakyMap(), GraphFixtures.STRING, 1);
        assertThatThrownBy(() -> build(m))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Operator 'Leaky' (id 2): cannot be serialized into the job graph")
                .hasMessageContaining("java.lang.Thread");
    }

    static final class LeakyMap extends GraphFixtures.TestMap<String, String> {
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("unused")
        private final Object handle = new Thread();
    }
}
