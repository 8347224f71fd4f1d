package dev.eddy.runtime.graph;

import dev.eddy.api.common.typeutils.TypeSerializer;
import java.io.Serializable;

/** An edge entering the chain's head: which head input it feeds and its record serializer. Immutable. */
public final class InEdgeConfig implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int inputIndex;
    private final TypeSerializer<?> serializer;

    public InEdgeConfig(int inputIndex, TypeSerializer<?> serializer) {
        this.inputIndex = inputIndex;
        this.serializer = serializer;
    }

    /** 0 for one-input heads; 0 or 1 for two-input heads. */
    public int getInputIndex() {
        return inputIndex;
    }

    public TypeSerializer<?> getSerializer() {
        return serializer;
    }
}
