package dev.eddy.runtime.graph;

import java.util.List;

/**
 * The physical operators of a pipeline with virtual transformations (partition, union) folded into
 * edges. Nodes are in topological order (sources first; ties broken by creation order). Read-only
 * once built.
 */
final class StreamGraph {
    private final String jobName;
    private final List<StreamNode> nodes;

    StreamGraph(String jobName, List<StreamNode> nodes) {
        this.jobName = jobName;
        this.nodes = List.copyOf(nodes);
    }

    String getJobName() {
        return jobName;
    }

    List<StreamNode> getNodes() {
        return nodes;
    }
}
