package dev.eddy.runtime.graph;

import dev.eddy.configuration.CheckpointingOptions;
import dev.eddy.api.common.JobID;
import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.dag.Pipeline;
import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.PipelineOptions;
import dev.eddy.proto.JobEdgeProto;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobVertexProto;
import dev.eddy.proto.OperatorCoordinatorProto;
import dev.eddy.api.dag.SourceTransformation;
import dev.eddy.runtime.util.InstantiationUtil;
import dev.eddy.streaming.api.operators.source.SourceReaderOperator;
import dev.eddy.proto.PartitionType;
import dev.eddy.streaming.runtime.partitioner.PartitionKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pipeline → StreamGraph → JobGraph with operator chaining. Stateless; any thread, one call at a
 * time per pipeline (it reads the user's transformations but never modifies them).
 *
 * <p>Order conventions of the result: vertices are topologically sorted (sources first); edges are
 * grouped by target vertex in vertex order and, within one target, in the head's input order
 * (input index, then union member order). {@link TaskChainConfig#getInEdges()} and
 * {@link NetworkOutputConfig#getOutEdgeIndex()} follow that edge order.
 */
public final class JobGraphGenerator {
    static final String DEFAULT_JOB_NAME = "Eddy Streaming Job";

    private JobGraphGenerator() {}

    /**
     * @param jarSha256 the uploaded job jar, or null when the job's classes are on the cluster's class path
     * @throws dev.eddy.api.common.functions.InvalidTypesException or IllegalArgumentException with a
     *     user-facing message when the pipeline is invalid (missing types, bad parallelism, ...);
     *     IllegalStateException "No operators defined in streaming topology. Cannot execute." when
     *     the pipeline has no operators or no source
     */
    public static JobGraphProto createJobGraph(Pipeline pipeline, String jarSha256) {
        Configuration conf = pipeline.getConfiguration();
        StreamGraph streamGraph = new StreamGraphBuilder(pipeline).build();
        SerializerConfig serializerConfig = new SerializerConfig()
                .setJavaSerializationFallback(conf.get(PipelineOptions.JAVA_SERIALIZATION_FALLBACK));
        NodeSerializers serializers = NodeSerializers.create(streamGraph.getNodes(), serializerConfig);
        List<OperatorChainer.Chain> chains = OperatorChainer.chain(streamGraph.getNodes(), conf.get(PipelineOptions.OPERATOR_CHAINING));

        Map<StreamNode, OperatorChainer.Chain> chainOf = new IdentityHashMap<>();
        chains.forEach(c -> c.nodes().forEach(n -> chainOf.put(n, c)));
        List<StreamEdge> jobEdges = new ArrayList<>();
        chains.forEach(c -> jobEdges.addAll(c.head().getInEdges()));
        Map<StreamEdge, Integer> outEdgeIndex = new IdentityHashMap<>();
        Map<OperatorChainer.Chain, Integer> outCount = new IdentityHashMap<>();
        for (StreamEdge e : jobEdges) {
            outEdgeIndex.put(e, outCount.merge(chainOf.get(e.getSource()), 1, Integer::sum) - 1);
        }

        String name = pipeline.getJobName() != null && !pipeline.getJobName().isBlank() ? pipeline.getJobName() : DEFAULT_JOB_NAME;
        JobGraphProto.Builder job = JobGraphProto.newBuilder()
                .setJobId(JobID.generate().toHexString())
                .setJobName(name)
                .putAllJobConfiguration(conf.toMap())
                .setJarSha256(jarSha256 == null ? "" : jarSha256)
                .setSavepointPath(conf.getOptional(CheckpointingOptions.SAVEPOINT_PATH).orElse(""))
                .setAllowNonRestoredState(conf.get(CheckpointingOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE));
        for (OperatorChainer.Chain chain : chains) {
            TaskChainConfig config = TaskChainConfigFactory.create(chain, serializers, outEdgeIndex);
            job.addVertices(vertex(chain, TaskChainConfigFactory.serialize(chain, config)));
        }
        for (StreamEdge e : jobEdges) {
            job.addEdges(JobEdgeProto.newBuilder()
                    .setSourceVertexId(chainOf.get(e.getSource()).head().getHashHex())
                    .setTargetVertexId(e.getTarget().getHashHex())
                    .setPartitionType(partitionType(e.getPartitioner().kind()))
                    .setTargetInputIndex(e.getInputIndex()));
        }
        return job.build();
    }

    private static JobVertexProto vertex(OperatorChainer.Chain chain, byte[] operatorConfig) {
        StreamNode head = chain.head();
        List<String> names = new ArrayList<>();
        List<String> uids = new ArrayList<>();
        for (StreamNode n : chain.nodes()) {
            names.add(n.getName());
            uids.add(n.getUid());
        }
        JobVertexProto.Builder vertex = JobVertexProto.newBuilder();
        for (StreamNode n : chain.nodes()) {
            if (n.getTransformation() instanceof SourceTransformation<?> s && s.getOperator() instanceof SourceReaderOperator<?> op) {
                vertex.addOperatorCoordinators(OperatorCoordinatorProto.newBuilder().setOperatorUid(n.getUid())
                        .setSource(com.google.protobuf.ByteString.copyFrom(serializeSource(n, op))));
            }
        }
        return vertex
                .setId(head.getHashHex())
                .setName(String.join(" -> ", names))
                .setParallelism(head.getParallelism())
                .setMaxParallelism(head.getMaxParallelism())
                .setSlotSharingGroup(head.getSlotSharingGroup())
                .setOperatorConfig(com.google.protobuf.ByteString.copyFrom(operatorConfig))
                .addAllOperatorUids(uids)
                .build();
    }

    /** The source of a Source-API operator, Java-serialized for its coordinator on the JobManager. */
    private static byte[] serializeSource(StreamNode node, SourceReaderOperator<?> operator) {
        try {
            return InstantiationUtil.serializeObject(operator.getSource());
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException(node.describe() + ": its source " + operator.getSource()
                    + " cannot be serialized into the job graph (" + e + "); make it Serializable", e);
        }
    }

    /**
     * Wiring only distinguishes pointwise from all-to-all edges, so a custom partitioner (all-to-all,
     * channel chosen by user code) travels as HASH; the real partitioner is in the operator config.
     */
    static PartitionType partitionType(PartitionKind kind) {
        return switch (kind) {
            case FORWARD -> PartitionType.FORWARD;
            case HASH, CUSTOM -> PartitionType.HASH;
            case REBALANCE -> PartitionType.REBALANCE;
            case RESCALE -> PartitionType.RESCALE;
            case SHUFFLE -> PartitionType.SHUFFLE;
            case BROADCAST -> PartitionType.BROADCAST;
            case GLOBAL -> PartitionType.GLOBAL;
        };
    }
}
