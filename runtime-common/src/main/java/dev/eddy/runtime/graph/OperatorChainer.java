package dev.eddy.runtime.graph;

import dev.eddy.api.dag.OneInputTransformation;
import dev.eddy.streaming.api.operators.ChainingStrategy;
import dev.eddy.streaming.runtime.partitioner.PartitionKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups stream nodes into chains (one job vertex each) with Flink's rules: a consumer joins its
 * producer's chain when it has exactly one input edge, that edge is forward, both have the same
 * parallelism and slot sharing group, the consumer is a one-input operator with strategy ALWAYS,
 * the producer's strategy is not NEVER, and chaining is enabled for the job.
 */
final class OperatorChainer {
    private OperatorChainer() {}

    /** The operators of one job vertex, head first, in topological order. */
    record Chain(List<StreamNode> nodes) {
        StreamNode head() {
            return nodes.get(0);
        }
    }

    static boolean isChainable(StreamEdge edge, boolean chainingEnabled) {
        StreamNode up = edge.getSource();
        StreamNode down = edge.getTarget();
        return chainingEnabled
                && down.getInEdges().size() == 1
                && edge.getPartitioner().kind() == PartitionKind.FORWARD
                && up.getParallelism() == down.getParallelism()
                && up.getSlotSharingGroup().equals(down.getSlotSharingGroup())
                && down.getChainingStrategy() == ChainingStrategy.ALWAYS
                && up.getChainingStrategy() != ChainingStrategy.NEVER
                && down.getTransformation() instanceof OneInputTransformation;
    }

    /** True if {@code node} is chained to its (single) producer, i.e. is not a chain head. */
    static boolean isChainedToProducer(StreamNode node, boolean chainingEnabled) {
        return node.getInEdges().size() == 1 && isChainable(node.getInEdges().get(0), chainingEnabled);
    }

    /** Chains in the order of their heads in {@code topoOrder}; so vertices come out topologically sorted. */
    static List<Chain> chain(List<StreamNode> topoOrder, boolean chainingEnabled) {
        Map<StreamNode, List<StreamNode>> chainOf = new IdentityHashMap<>();
        List<List<StreamNode>> chains = new ArrayList<>();
        for (StreamNode node : topoOrder) {
            List<StreamNode> chain;
            if (isChainedToProducer(node, chainingEnabled)) {
                chain = chainOf.get(node.getInEdges().get(0).getSource());
            } else {
                chain = new ArrayList<>();
                chains.add(chain);
            }
            chain.add(node);
            chainOf.put(node, chain);
        }
        List<Chain> result = new ArrayList<>(chains.size());
        chains.forEach(c -> result.add(new Chain(List.copyOf(c))));
        return result;
    }
}
