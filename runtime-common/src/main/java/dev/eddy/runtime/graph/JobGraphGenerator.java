package dev.eddy.runtime.graph;

import dev.eddy.api.dag.Pipeline;
import dev.eddy.proto.JobGraphProto;

/** Pipeline → StreamGraph → JobGraph with operator chaining. STUB: completed by the graph work package. */
public final class JobGraphGenerator {
    private JobGraphGenerator() {}

    /**
     * @param jarSha256 the uploaded job jar, or null when the job's classes are on the cluster's class path
     * @throws dev.eddy.api.common.functions.InvalidTypesException or IllegalArgumentException with a
     *     user-facing message when the pipeline is invalid (missing types, bad parallelism, ...)
     */
    public static JobGraphProto createJobGraph(Pipeline pipeline, String jarSha256) {
        throw new UnsupportedOperationException("stub");
    }
}
