package dev.eddy.runtime.graph;

import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.dag.OneInputTransformation;
import dev.eddy.api.dag.Transformation;
import dev.eddy.api.dag.TwoInputTransformation;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates, at job build time, the output serializer of every node that has consumers and the key
 * serializer of every keyed node, so that an unsupported type fails while building the job with
 * the operator named. Translator thread only.
 */
final class NodeSerializers {
    private final Map<StreamNode, TypeSerializer<?>> output = new IdentityHashMap<>();
    private final Map<StreamNode, TypeSerializer<?>> key = new IdentityHashMap<>();
    private final Map<StreamEdge, TypeSerializer<?>> sideOutput = new IdentityHashMap<>();

    private NodeSerializers() {}

    static NodeSerializers create(List<StreamNode> nodes, SerializerConfig config) {
        NodeSerializers s = new NodeSerializers();
        for (StreamNode node : nodes) {
            try {
                if (node.getOutEdges().stream().anyMatch(e -> e.getOutputTag() == null)) {
                    s.output.put(node, node.getTransformation().getOutputType().createSerializer(config));
                }
                for (StreamEdge e : node.getOutEdges()) {
                    if (e.getOutputTag() != null) {
                        s.sideOutput.put(e, e.getOutputTag().getTypeInfo().createSerializer(config));
                    }
                }
                TypeInformation<?> keyType = keyType(node.getTransformation());
                if (keyType != null) {
                    s.key.put(node, keyType.createSerializer(config));
                }
            } catch (RuntimeException e) {
                throw withOperator(node, e);
            }
        }
        return s;
    }

    /** The output serializer, or null if the node has no consumers (sinks). */
    TypeSerializer<?> output(StreamNode node) {
        return output.get(node);
    }

    /** The serializer of the records on {@code edge}: the side output tag's type, or the producer's output type. */
    TypeSerializer<?> edge(StreamEdge edge) {
        return edge.getOutputTag() != null ? sideOutput.get(edge) : output.get(edge.getSource());
    }

    /** The state key serializer, or null when the node is not keyed or has no key type. */
    TypeSerializer<?> key(StreamNode node) {
        return key.get(node);
    }

    private static TypeInformation<?> keyType(Transformation<?> t) {
        if (t instanceof OneInputTransformation<?, ?> one) {
            return one.getStateKeySelector() != null ? one.getStateKeyType() : null;
        }
        if (t instanceof TwoInputTransformation<?, ?, ?> two) {
            return two.getStateKeySelector1() != null || two.getStateKeySelector2() != null ? two.getStateKeyType() : null;
        }
        return null;
    }

    /** Prefixes the error with the operator, keeping InvalidTypesException as such. */
    static RuntimeException withOperator(StreamNode node, RuntimeException e) {
        String message = node.describe() + ": " + (e.getMessage() != null ? e.getMessage() : e.toString());
        if (e instanceof InvalidTypesException) {
            return new InvalidTypesException(message, e);
        }
        return new IllegalArgumentException(message, e);
    }
}
