package dev.eddy.runtime.graph;

import dev.eddy.api.dag.Transformation;
import dev.eddy.streaming.api.operators.ChainingStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * One physical operator of the stream graph (a source, one-input or two-input transformation)
 * with its resolved settings. Built and read only by the translator's thread; mutable only while
 * {@link StreamGraphBuilder} wires edges.
 */
final class StreamNode {
    private final int id;
    private final Transformation<?> transformation;
    private final int parallelism;
    private final int maxParallelism;
    private final String slotSharingGroup;
    private final List<StreamEdge> inEdges = new ArrayList<>();
    private final List<StreamEdge> outEdges = new ArrayList<>();
    private String hashHex;

    StreamNode(int id, Transformation<?> transformation, int parallelism, int maxParallelism, String slotSharingGroup) {
        this.id = id;
        this.transformation = transformation;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.slotSharingGroup = slotSharingGroup;
    }

    /** Job-local id: 1-based position in the topological order (independent of transformation ids). */
    int getId() {
        return id;
    }

    Transformation<?> getTransformation() {
        return transformation;
    }

    String getName() {
        return transformation.getName();
    }

    int getParallelism() {
        return parallelism;
    }

    int getMaxParallelism() {
        return maxParallelism;
    }

    String getSlotSharingGroup() {
        return slotSharingGroup;
    }

    ChainingStrategy getChainingStrategy() {
        ChainingStrategy s = transformation.getChainingStrategy();
        return s == null ? ChainingStrategy.ALWAYS : s;
    }

    /** Input edges in input order (input index, then the order of union members). */
    List<StreamEdge> getInEdges() {
        return inEdges;
    }

    /** Output edges in consumer topological order, then consumer input order. */
    List<StreamEdge> getOutEdges() {
        return outEdges;
    }

    /** 32 lowercase hex characters: stable for the same topology (see {@link StreamNodeHasher}). */
    String getHashHex() {
        return hashHex;
    }

    void setHashHex(String hashHex) {
        this.hashHex = hashHex;
    }

    /** The user's uid(), or the generated hash when none was set. */
    String getUid() {
        String uid = transformation.getUid();
        return uid != null ? uid : hashHex;
    }

    /** Prefix for error messages about this operator: {@code Operator 'Map' (id 3)}. */
    String describe() {
        return "Operator '" + getName() + "' (id " + id + ")";
    }

    @Override
    public String toString() {
        return getName() + "-" + id;
    }
}
