package dev.eddy.runtime.jobmanager.dispatcher;

import dev.eddy.proto.JobEdgeProto;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobVertexProto;
import dev.eddy.runtime.gateway.BlobStore;
import dev.eddy.runtime.jobmanager.scheduler.EdgeWiring;
import java.util.HashMap;
import java.util.Map;

/** Checks a submitted job graph before a JobMaster is created for it. Stateless. */
final class JobGraphValidator {
    private JobGraphValidator() {}

    /** @throws IllegalArgumentException with a user-facing message when the graph cannot run */
    static void validate(JobGraphProto job, BlobStore blobStore) {
        String name = "Job '" + job.getJobName() + "' (" + job.getJobId() + ")";
        if (job.getVerticesCount() == 0) {
            throw new IllegalArgumentException(name + " has no vertices; add at least a source and a sink before executing it");
        }
        Map<String, JobVertexProto> vertices = new HashMap<>();
        for (JobVertexProto v : job.getVerticesList()) {
            if (v.getId().isEmpty()) {
                throw new IllegalArgumentException(name + ": vertex '" + v.getName() + "' has no id");
            }
            if (vertices.put(v.getId(), v) != null) {
                throw new IllegalArgumentException(name + ": two vertices have the id " + v.getId());
            }
            if (v.getParallelism() <= 0) {
                throw new IllegalArgumentException(name + ": vertex '" + v.getName() + "' has parallelism " + v.getParallelism()
                        + "; it must be at least 1");
            }
        }
        for (JobEdgeProto e : job.getEdgesList()) {
            JobVertexProto source = vertices.get(e.getSourceVertexId());
            JobVertexProto target = vertices.get(e.getTargetVertexId());
            if (source == null || target == null) {
                throw new IllegalArgumentException(name + ": an edge from " + e.getSourceVertexId() + " to " + e.getTargetVertexId()
                        + " references a vertex that is not in the job graph");
            }
            String problem = EdgeWiring.validate(e.getPartitionType(), source.getParallelism(), target.getParallelism());
            if (problem != null) {
                throw new IllegalArgumentException(name + ": the edge from '" + source.getName() + "' to '" + target.getName() + "': " + problem);
            }
        }
        if (!job.getJarSha256().isEmpty() && blobStore.getJar(job.getJarSha256()) == null) {
            throw new IllegalArgumentException(name + " refers to jar " + job.getJarSha256()
                    + ", which is not in the JobManager's blob store; upload the jar before submitting the job");
        }
    }
}
