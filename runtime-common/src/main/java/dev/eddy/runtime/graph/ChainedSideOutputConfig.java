package dev.eddy.runtime.graph;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.util.OutputTag;
import java.io.Serializable;
import java.util.Objects;

/**
 * A side output of a chain operator read by a chained successor: records the operator emits with
 * {@code Output.collect(tag, record)} for this tag go to operator {@code targetIndex} of the chain.
 * {@code serializer} (the tag's type) copies them when object reuse is off. Immutable.
 */
public final class ChainedSideOutputConfig implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int targetIndex;
    private final OutputTag<?> outputTag;
    private final TypeSerializer<?> serializer;

    public ChainedSideOutputConfig(int targetIndex, OutputTag<?> outputTag, TypeSerializer<?> serializer) {
        this.targetIndex = targetIndex;
        this.outputTag = Objects.requireNonNull(outputTag, "outputTag");
        this.serializer = serializer;
    }

    /** Index into {@link TaskChainConfig#getOperators()} of the consumer. */
    public int getTargetIndex() {
        return targetIndex;
    }

    public OutputTag<?> getOutputTag() {
        return outputTag;
    }

    public TypeSerializer<?> getSerializer() {
        return serializer;
    }
}
