package dev.eddy.runtime.graph;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.streaming.api.operators.StreamOperator;
import java.io.Serializable;
import java.util.List;

/**
 * One operator of a chain: the operator prototype (SourceOperator, OneInputStreamOperator or
 * TwoInputStreamOperator), its keyed-state settings and where its output goes. Immutable.
 */
public final class OperatorConfig implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int nodeId;
    private final String name;
    private final String uid;
    private final StreamOperator<?> operator;
    private final KeySelector<?, ?> stateKeySelector1;
    private final KeySelector<?, ?> stateKeySelector2;
    private final TypeSerializer<?> stateKeySerializer;
    private final TypeSerializer<?> outputSerializer;
    private final List<Integer> chainedOutputs;
    private final List<NetworkOutputConfig> networkOutputs;
    private final List<ChainedSideOutputConfig> chainedSideOutputs;

    public OperatorConfig(int nodeId, String name, String uid, StreamOperator<?> operator,
            KeySelector<?, ?> stateKeySelector1, KeySelector<?, ?> stateKeySelector2, TypeSerializer<?> stateKeySerializer,
            TypeSerializer<?> outputSerializer, List<Integer> chainedOutputs, List<NetworkOutputConfig> networkOutputs) {
        this(nodeId, name, uid, operator, stateKeySelector1, stateKeySelector2, stateKeySerializer, outputSerializer,
                chainedOutputs, networkOutputs, List.of());
    }

    /**
     * @param chainedOutputs chained successors reading the main output
     * @param networkOutputs out edges (main or side output, see {@link NetworkOutputConfig#getOutputTag()})
     * @param chainedSideOutputs chained successors reading a side output
     */
    public OperatorConfig(int nodeId, String name, String uid, StreamOperator<?> operator,
            KeySelector<?, ?> stateKeySelector1, KeySelector<?, ?> stateKeySelector2, TypeSerializer<?> stateKeySerializer,
            TypeSerializer<?> outputSerializer, List<Integer> chainedOutputs, List<NetworkOutputConfig> networkOutputs,
            List<ChainedSideOutputConfig> chainedSideOutputs) {
        this.chainedSideOutputs = List.copyOf(chainedSideOutputs);
        this.nodeId = nodeId;
        this.name = name;
        this.uid = uid;
        this.operator = operator;
        this.stateKeySelector1 = stateKeySelector1;
        this.stateKeySelector2 = stateKeySelector2;
        this.stateKeySerializer = stateKeySerializer;
        this.outputSerializer = outputSerializer;
        this.chainedOutputs = List.copyOf(chainedOutputs);
        this.networkOutputs = List.copyOf(networkOutputs);
    }

    /** The stream graph node id (unique within the job). */
    public int getNodeId() {
        return nodeId;
    }

    public String getName() {
        return name;
    }

    /** The user's uid(), or a generated stable id when none was set. */
    public String getUid() {
        return uid;
    }

    public StreamOperator<?> getOperator() {
        return operator;
    }

    public boolean isKeyed() {
        return stateKeySelector1 != null || stateKeySelector2 != null;
    }

    public KeySelector<?, ?> getStateKeySelector1() {
        return stateKeySelector1;
    }

    public KeySelector<?, ?> getStateKeySelector2() {
        return stateKeySelector2;
    }

    /** Serializer of the state key (null when not keyed or the key type is unknown). */
    public TypeSerializer<?> getStateKeySerializer() {
        return stateKeySerializer;
    }

    /** Serializer of the operator's output records (null for sinks). */
    public TypeSerializer<?> getOutputSerializer() {
        return outputSerializer;
    }

    /** Chained successors that read a side output of this operator. */
    public List<ChainedSideOutputConfig> getChainedSideOutputs() {
        return chainedSideOutputs;
    }

    /** Indices (into {@link TaskChainConfig#getOperators()}) of chained successors of the main output. */
    public List<Integer> getChainedOutputs() {
        return chainedOutputs;
    }

    public List<NetworkOutputConfig> getNetworkOutputs() {
        return networkOutputs;
    }

    @Override
    public String toString() {
        return name + "#" + nodeId;
    }
}
