package dev.eddy.runtime.graph;

import dev.eddy.api.dag.OneInputTransformation;
import dev.eddy.api.dag.SourceTransformation;
import dev.eddy.api.dag.Transformation;
import dev.eddy.api.dag.TwoInputTransformation;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.runtime.util.InstantiationUtil;
import dev.eddy.streaming.api.operators.StreamOperator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Builds and serializes the {@link TaskChainConfig} of one chain. Translator thread only. */
final class TaskChainConfigFactory {
    private TaskChainConfigFactory() {}

    static TaskChainConfig create(OperatorChainer.Chain chain, NodeSerializers serializers, Map<StreamEdge, Integer> outEdgeIndex) {
        Map<StreamNode, Integer> indexInChain = new IdentityHashMap<>();
        for (int i = 0; i < chain.nodes().size(); i++) {
            indexInChain.put(chain.nodes().get(i), i);
        }
        List<OperatorConfig> operators = new ArrayList<>();
        for (StreamNode node : chain.nodes()) {
            List<Integer> chained = new ArrayList<>();
            List<ChainedSideOutputConfig> chainedSide = new ArrayList<>();
            List<NetworkOutputConfig> network = new ArrayList<>();
            for (StreamEdge out : node.getOutEdges()) {
                Integer target = indexInChain.get(out.getTarget());
                if (target != null && out.getOutputTag() != null) {
                    chainedSide.add(new ChainedSideOutputConfig(target, out.getOutputTag(), serializers.edge(out)));
                } else if (target != null) {
                    chained.add(target);
                } else {
                    network.add(new NetworkOutputConfig(outEdgeIndex.get(out), out.getPartitioner(), serializers.edge(out),
                            node.getTransformation().getBufferTimeout(), out.getOutputTag()));
                }
            }
            Transformation<?> t = node.getTransformation();
            operators.add(new OperatorConfig(node.getId(), node.getName(), node.getUid(), operator(t),
                    keySelector(t, 0), keySelector(t, 1), serializers.key(node), serializers.output(node), chained, network,
                    chainedSide));
        }
        List<InEdgeConfig> inEdges = new ArrayList<>();
        for (StreamEdge in : chain.head().getInEdges()) {
            inEdges.add(new InEdgeConfig(in.getInputIndex(), serializers.edge(in)));
        }
        return new TaskChainConfig(operators, inEdges);
    }

    /** Java-serializes the config; a non-serializable operator is reported by name. */
    static byte[] serialize(OperatorChainer.Chain chain, TaskChainConfig config) {
        try {
            return InstantiationUtil.serializeObject(config);
        } catch (IOException | RuntimeException e) {
            for (int i = 0; i < chain.nodes().size(); i++) {
                try {
                    InstantiationUtil.serializeObject(config.getOperators().get(i));
                } catch (IOException | RuntimeException perOperator) {
                    throw new IllegalArgumentException(chain.nodes().get(i).describe() + ": cannot be serialized into the job graph ("
                            + perOperator + "); make its function and everything it references Serializable, or mark such fields"
                            + " transient", perOperator);
                }
            }
            throw new IllegalArgumentException("The operators of '" + chain.head().getName()
                    + "' cannot be serialized into the job graph (" + e + ")", e);
        }
    }

    private static StreamOperator<?> operator(Transformation<?> t) {
        if (t instanceof SourceTransformation<?> s) {
            return s.getOperator();
        } else if (t instanceof OneInputTransformation<?, ?> one) {
            return one.getOperator();
        }
        return ((TwoInputTransformation<?, ?, ?>) t).getOperator();
    }

    private static KeySelector<?, ?> keySelector(Transformation<?> t, int input) {
        if (t instanceof OneInputTransformation<?, ?> one) {
            return input == 0 ? one.getStateKeySelector() : null;
        } else if (t instanceof TwoInputTransformation<?, ?, ?> two) {
            return input == 0 ? two.getStateKeySelector1() : two.getStateKeySelector2();
        }
        return null;
    }
}
