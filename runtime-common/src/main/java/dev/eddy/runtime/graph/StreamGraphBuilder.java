package dev.eddy.runtime.graph;

import dev.eddy.api.dag.OneInputTransformation;
import dev.eddy.api.dag.PartitionTransformation;
import dev.eddy.api.dag.Pipeline;
import dev.eddy.api.dag.SourceTransformation;
import dev.eddy.api.dag.Transformation;
import dev.eddy.api.dag.TwoInputTransformation;
import dev.eddy.api.dag.UnionTransformation;
import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.CoreOptions;
import dev.eddy.configuration.PipelineOptions;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import dev.eddy.runtime.util.InstantiationUtil;
import dev.eddy.streaming.runtime.partitioner.ForwardPartitioner;
import dev.eddy.streaming.runtime.partitioner.KeyGroupStreamPartitioner;
import dev.eddy.streaming.runtime.partitioner.PartitionKind;
import dev.eddy.streaming.runtime.partitioner.RebalancePartitioner;
import dev.eddy.streaming.runtime.partitioner.StreamPartitioner;
import dev.eddy.api.dag.SideOutputTransformation;
import dev.eddy.util.OutputTag;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Pipeline → {@link StreamGraph}: one node per source/one-input/two-input transformation; partition
 * and union transformations become edge partitioners and multiple edges. Resolves parallelism, max
 * parallelism and slot sharing groups, and picks default partitioners. Single use, one thread.
 */
final class StreamGraphBuilder {
    static final String DEFAULT_SLOT_SHARING_GROUP = "default";
    static final String NO_OPERATORS = "No operators defined in streaming topology. Cannot execute.";

    private final Pipeline pipeline;
    private final int defaultParallelism;
    private final int pipelineMaxParallelism;
    private final Map<Transformation<?>, StreamNode> nodes = new IdentityHashMap<>();

    StreamGraphBuilder(Pipeline pipeline) {
        this.pipeline = pipeline;
        Configuration conf = pipeline.getConfiguration();
        this.defaultParallelism = conf.get(CoreOptions.DEFAULT_PARALLELISM);
        this.pipelineMaxParallelism = conf.get(PipelineOptions.MAX_PARALLELISM);
        if (defaultParallelism < 1) {
            throw new IllegalArgumentException("parallelism.default must be at least 1, was " + defaultParallelism);
        }
    }

    /** A producer of one input of a physical node, seen through virtual transformations. */
    private record ResolvedInput(int inputIndex, Transformation<?> producer, StreamPartitioner<?> partitioner, OutputTag<?> outputTag) {}

    StreamGraph build() {
        Set<Transformation<?>> all = collectReachable(pipeline.getTransformations());
        Map<Transformation<?>, List<ResolvedInput>> inputs = new IdentityHashMap<>();
        for (Transformation<?> t : all) {
            if (isPhysical(t)) {
                inputs.put(t, resolveInputs(t));
            } else if (!(t instanceof PartitionTransformation) && !(t instanceof UnionTransformation)
                    && !(t instanceof SideOutputTransformation)) {
                throw new IllegalArgumentException("Unsupported transformation " + t + " (" + t.getClass().getName() + ")");
            }
        }
        if (inputs.isEmpty() || inputs.keySet().stream().noneMatch(t -> t instanceof SourceTransformation)) {
            throw new IllegalStateException(NO_OPERATORS);
        }
        List<Transformation<?>> order = topologicalOrder(inputs);
        List<StreamNode> result = new ArrayList<>();
        for (Transformation<?> t : order) {
            StreamNode node = createNode(result.size() + 1, t, inputs.get(t));
            nodes.put(t, node);
            result.add(node);
        }
        for (StreamNode node : result) {
            for (ResolvedInput in : inputs.get(node.getTransformation())) {
                connect(nodes.get(in.producer()), node, in);
            }
        }
        StreamNodeHasher.assignHashes(result);
        return new StreamGraph(pipeline.getJobName(), result);
    }

    private static boolean isPhysical(Transformation<?> t) {
        return t instanceof SourceTransformation || t instanceof OneInputTransformation || t instanceof TwoInputTransformation;
    }

    private static Set<Transformation<?>> collectReachable(List<Transformation<?>> roots) {
        Set<Transformation<?>> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Transformation<?>> ordered = new LinkedHashSet<>();
        Deque<Transformation<?>> stack = new ArrayDeque<>(roots);
        while (!stack.isEmpty()) {
            Transformation<?> t = stack.pop();
            if (t != null && seen.add(t)) {
                ordered.add(t);
                t.getInputs().forEach(stack::push);
            }
        }
        return ordered;
    }

    private static List<ResolvedInput> resolveInputs(Transformation<?> t) {
        List<ResolvedInput> out = new ArrayList<>();
        List<Transformation<?>> direct = t.getInputs();
        for (int i = 0; i < direct.size(); i++) {
            resolve(direct.get(i), i, null, null, out);
        }
        return out;
    }

    /**
     * The partition transformation closest to the consumer decides the partitioner; a side output
     * transformation makes the edge carry only that tag's records of the producer.
     */
    private static void resolve(Transformation<?> t, int inputIndex, StreamPartitioner<?> partitioner, OutputTag<?> tag,
            List<ResolvedInput> out) {
        if (t instanceof PartitionTransformation<?> p) {
            resolve(p.getInput(), inputIndex, partitioner != null ? partitioner : p.getPartitioner(), tag, out);
        } else if (t instanceof UnionTransformation<?> u) {
            for (Transformation<?> member : u.getInputs()) {
                resolve(member, inputIndex, partitioner, tag, out);
            }
        } else if (t instanceof SideOutputTransformation<?> side) {
            if (tag != null) {
                throw new IllegalArgumentException("Side output '" + tag.getId() + "' is taken from another side output ('"
                        + side.getOutputTag().getId() + "'); take side outputs only from operators");
            }
            resolve(side.getInput(), inputIndex, partitioner, side.getOutputTag(), out);
        } else {
            if (tag != null && !(t instanceof OneInputTransformation || t instanceof TwoInputTransformation)) {
                throw new IllegalArgumentException("Side output '" + tag.getId() + "' of '" + t.getName()
                        + "': only one- and two-input operators have side outputs");
            }
            out.add(new ResolvedInput(inputIndex, t, partitioner, tag));
        }
    }

    /** Kahn's algorithm; among ready nodes the earliest created comes first, so the order is reproducible. */
    private static List<Transformation<?>> topologicalOrder(Map<Transformation<?>, List<ResolvedInput>> inputs) {
        Map<Transformation<?>, Integer> pending = new IdentityHashMap<>();
        Map<Transformation<?>, List<Transformation<?>>> consumers = new IdentityHashMap<>();
        PriorityQueue<Transformation<?>> ready = new PriorityQueue<>(Comparator.comparingInt(Transformation::getId));
        inputs.forEach((t, ins) -> {
            pending.put(t, ins.size());
            for (ResolvedInput in : ins) {
                consumers.computeIfAbsent(in.producer(), k -> new ArrayList<>()).add(t);
            }
            if (ins.isEmpty()) {
                ready.add(t);
            }
        });
        List<Transformation<?>> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            Transformation<?> t = ready.poll();
            order.add(t);
            for (Transformation<?> c : consumers.getOrDefault(t, List.of())) {
                if (pending.merge(c, -1, Integer::sum) == 0) {
                    ready.add(c);
                }
            }
        }
        if (order.size() != inputs.size()) {
            throw new IllegalArgumentException("The streaming topology contains a cycle; iterations are not supported");
        }
        return order;
    }

    private StreamNode createNode(int id, Transformation<?> t, List<ResolvedInput> ins) {
        String describe = "Operator '" + t.getName() + "' (id " + id + ")";
        int parallelism = t.getParallelism() == Transformation.DEFAULT_PARALLELISM ? defaultParallelism : t.getParallelism();
        if (parallelism < 1) {
            throw new IllegalArgumentException(describe + ": parallelism must be at least 1, was " + parallelism);
        }
        int maxParallelism = t.getMaxParallelism() > 0 ? t.getMaxParallelism()
                : pipelineMaxParallelism > 0 ? pipelineMaxParallelism
                : KeyGroupRangeAssignment.computeDefaultMaxParallelism(parallelism);
        if (maxParallelism > KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM) {
            throw new IllegalArgumentException(describe + ": max parallelism " + maxParallelism + " exceeds the limit of "
                    + KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM);
        }
        if (parallelism > maxParallelism) {
            throw new IllegalArgumentException(describe + ": parallelism " + parallelism + " is larger than the max parallelism "
                    + maxParallelism + "; raise the max parallelism (setMaxParallelism or pipeline.max-parallelism) or lower the parallelism");
        }
        return new StreamNode(id, t, parallelism, maxParallelism, slotSharingGroup(t, ins));
    }

    private String slotSharingGroup(Transformation<?> t, List<ResolvedInput> ins) {
        if (t.getSlotSharingGroup() != null) {
            return t.getSlotSharingGroup();
        }
        String inherited = null;
        for (ResolvedInput in : ins) {
            String group = nodes.get(in.producer()).getSlotSharingGroup();
            if (inherited != null && !inherited.equals(group)) {
                return DEFAULT_SLOT_SHARING_GROUP;
            }
            inherited = group;
        }
        return inherited != null ? inherited : DEFAULT_SLOT_SHARING_GROUP;
    }

    private void connect(StreamNode producer, StreamNode consumer, ResolvedInput in) {
        StreamPartitioner<?> partitioner;
        if (in.partitioner() == null) {
            partitioner = producer.getParallelism() == consumer.getParallelism()
                    ? new ForwardPartitioner<>() : new RebalancePartitioner<>();
        } else {
            if (in.partitioner().kind() == PartitionKind.FORWARD && producer.getParallelism() != consumer.getParallelism()) {
                throw new IllegalArgumentException("Forward partitioning does not allow change of parallelism. Upstream operation: "
                        + producer.getName() + " parallelism: " + producer.getParallelism() + ", downstream operation: "
                        + consumer.getName() + " parallelism: " + consumer.getParallelism()
                        + " You must use another partitioning strategy, such as broadcast, rebalance, shuffle or global.");
            }
            partitioner = copyForEdge(in.partitioner(), producer, consumer);
        }
        StreamEdge edge = new StreamEdge(producer, consumer, in.inputIndex(), partitioner, in.outputTag());
        producer.getOutEdges().add(edge);
        consumer.getInEdges().add(edge);
    }

    /** Each edge gets its own partitioner copy so configuring it never touches the user's object. */
    private static StreamPartitioner<?> copyForEdge(StreamPartitioner<?> partitioner, StreamNode producer, StreamNode consumer) {
        StreamPartitioner<?> copy;
        try {
            // The partitioner may hold user lambdas (key selectors): they resolve through the class that
            // declared them, which only the job's class loader (the context loader while main runs) sees.
            ClassLoader userLoader = Thread.currentThread().getContextClassLoader();
            copy = InstantiationUtil.clone(partitioner, userLoader != null ? userLoader : partitioner.getClass().getClassLoader());
        } catch (Exception e) {
            throw new IllegalArgumentException(consumer.describe() + ": the partitioner " + partitioner.getClass().getName()
                    + " of its input from '" + producer.getName() + "' is not serializable (" + e + "); make it and its fields Serializable", e);
        }
        if (copy instanceof KeyGroupStreamPartitioner<?, ?> keyGroups) {
            keyGroups.configure(consumer.getMaxParallelism());
        }
        return copy;
    }
}
