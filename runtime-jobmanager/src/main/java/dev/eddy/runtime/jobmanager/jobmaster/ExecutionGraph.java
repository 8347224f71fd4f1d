package dev.eddy.runtime.jobmanager.jobmaster;

import dev.eddy.proto.JobEdgeProto;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobVertexProto;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job graph expanded into executions: each vertex × parallelism, one current attempt each
 * (attempt number 0, fresh attempt ids; +1 on each {@link #resetForRestart() restart}). Also indexes each vertex's out edges and in edges in
 * {@code JobGraphProto.edges} order, the order the deployment descriptors follow.
 * Mutable executions; confined to the JobMaster's thread.
 */
public final class ExecutionGraph {
    private final JobGraphProto jobGraph;
    private final Map<String, JobVertexProto> vertices = new LinkedHashMap<>();
    private final Map<String, List<Execution>> executionsByVertex = new LinkedHashMap<>();
    private final Map<String, Execution> executionsByAttempt = new HashMap<>();
    private final Map<String, List<JobEdgeProto>> outEdges = new HashMap<>();
    private final Map<String, List<JobEdgeProto>> inEdges = new HashMap<>();

    public ExecutionGraph(JobGraphProto jobGraph) {
        this.jobGraph = jobGraph;
        for (JobVertexProto v : jobGraph.getVerticesList()) {
            vertices.put(v.getId(), v);
            List<Execution> list = new ArrayList<>(v.getParallelism());
            for (int i = 0; i < v.getParallelism(); i++) {
                Execution e = new Execution(v, i, 0);
                list.add(e);
                executionsByAttempt.put(e.attemptId(), e);
            }
            executionsByVertex.put(v.getId(), list);
            outEdges.put(v.getId(), new ArrayList<>());
            inEdges.put(v.getId(), new ArrayList<>());
        }
        for (JobEdgeProto edge : jobGraph.getEdgesList()) {
            outEdges.get(edge.getSourceVertexId()).add(edge);
            inEdges.get(edge.getTargetVertexId()).add(edge);
        }
    }

    /**
     * Replaces every execution by a fresh one (new attempt id, attempt number + 1, CREATED). The old
     * attempts are forgotten: {@link #execution(String)} no longer finds them.
     */
    public void resetForRestart() {
        executionsByAttempt.clear();
        for (Map.Entry<String, List<Execution>> entry : executionsByVertex.entrySet()) {
            List<Execution> list = entry.getValue();
            for (int i = 0; i < list.size(); i++) {
                Execution old = list.get(i);
                Execution e = new Execution(old.vertex(), old.subtaskIndex(), old.attemptNumber() + 1);
                list.set(i, e);
                executionsByAttempt.put(e.attemptId(), e);
            }
        }
    }

    public JobGraphProto jobGraph() {
        return jobGraph;
    }

    public Collection<JobVertexProto> vertices() {
        return vertices.values();
    }

    public JobVertexProto vertex(String vertexId) {
        return vertices.get(vertexId);
    }

    public List<Execution> executionsOf(String vertexId) {
        return executionsByVertex.get(vertexId);
    }

    /** All executions, vertex by vertex in job graph order, subtasks ascending. */
    public List<Execution> allExecutions() {
        List<Execution> all = new ArrayList<>(executionsByAttempt.size());
        executionsByVertex.values().forEach(all::addAll);
        return all;
    }

    /** The execution with this attempt id, or null. */
    public Execution execution(String attemptId) {
        return executionsByAttempt.get(attemptId);
    }

    /** Edges leaving the vertex, in job graph edge order. */
    public List<JobEdgeProto> outEdgesOf(String vertexId) {
        return outEdges.get(vertexId);
    }

    /** Index of {@code edge} (an instance of this graph's edge list) among its source's out edges. */
    public int outEdgeIndexOf(JobEdgeProto edge) {
        List<JobEdgeProto> out = outEdges.get(edge.getSourceVertexId());
        for (int k = 0; k < out.size(); k++) {
            if (out.get(k) == edge) {
                return k;
            }
        }
        throw new IllegalArgumentException("Edge " + edge + " is not part of job " + jobGraph.getJobId());
    }

    /** Edges entering the vertex, in job graph edge order. */
    public List<JobEdgeProto> inEdgesOf(String vertexId) {
        return inEdges.get(vertexId);
    }

    public boolean allInState(ExecutionState state) {
        return executionsByAttempt.values().stream().allMatch(e -> e.state() == state);
    }

    public boolean allTerminal() {
        return executionsByAttempt.values().stream().allMatch(e -> e.state().isTerminal());
    }
}
