package dev.eddy.runtime.jobmanager.testing;

import dev.eddy.proto.JobEdgeProto;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobVertexProto;
import dev.eddy.proto.PartitionType;
import java.util.UUID;

/** Small job graphs for tests. */
public final class Jobs {
    private Jobs() {}

    public static JobVertexProto vertex(String id, int parallelism) {
        return vertex(id, parallelism, "default");
    }

    public static JobVertexProto vertex(String id, int parallelism, String group) {
        return JobVertexProto.newBuilder().setId(id).setName(id).setParallelism(parallelism).setMaxParallelism(128)
                .setSlotSharingGroup(group).build();
    }

    public static JobEdgeProto edge(String from, String to, PartitionType type) {
        return edge(from, to, type, 0);
    }

    public static JobEdgeProto edge(String from, String to, PartitionType type, int inputIndex) {
        return JobEdgeProto.newBuilder().setSourceVertexId(from).setTargetVertexId(to).setPartitionType(type)
                .setTargetInputIndex(inputIndex).build();
    }

    public static JobGraphProto.Builder job(String name) {
        return JobGraphProto.newBuilder().setJobId(UUID.randomUUID().toString().replace("-", "")).setJobName(name);
    }

    /** source(p1) -type-> sink(p2). */
    public static JobGraphProto twoVertices(int p1, PartitionType type, int p2) {
        return job("two").addVertices(vertex("source", p1)).addVertices(vertex("sink", p2)).addEdges(edge("source", "sink", type)).build();
    }
}
