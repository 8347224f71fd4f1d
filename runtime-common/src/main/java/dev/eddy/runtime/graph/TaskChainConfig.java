package dev.eddy.runtime.graph;

import java.io.Serializable;
import java.util.List;

/**
 * Everything a TaskManager needs to build the operator chain of one job vertex. Produced by the
 * StreamGraph→JobGraph translator, Java-serialized into {@code JobVertexProto.operator_config}
 * and read only on the TaskManager, inside the job's class loader. Immutable.
 *
 * <p>Order conventions shared with the JobMaster's deployment descriptors:
 * <ul>
 *   <li>{@link #getInEdges()} is in the order of the job graph's edges that target this vertex
 *       (the order of {@code JobGraphProto.edges}); the TDD's {@code input_gates} follow it;</li>
 *   <li>{@link NetworkOutputConfig#getOutEdgeIndex()} indexes the job graph's edges that leave this
 *       vertex, in {@code JobGraphProto.edges} order; the TDD's {@code produced_partitions} follow it.</li>
 * </ul>
 */
public final class TaskChainConfig implements Serializable {
    private static final long serialVersionUID = 1L;
    private final List<OperatorConfig> operators;
    private final List<InEdgeConfig> inEdges;

    /** @param operators chain operators; index 0 is the head; chained outputs refer to list indices */
    public TaskChainConfig(List<OperatorConfig> operators, List<InEdgeConfig> inEdges) {
        this.operators = List.copyOf(operators);
        this.inEdges = List.copyOf(inEdges);
    }

    public List<OperatorConfig> getOperators() {
        return operators;
    }

    public OperatorConfig getHead() {
        return operators.get(0);
    }

    public List<InEdgeConfig> getInEdges() {
        return inEdges;
    }

    @Override
    public String toString() {
        return "TaskChainConfig" + operators;
    }
}
