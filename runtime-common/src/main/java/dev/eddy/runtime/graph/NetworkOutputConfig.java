package dev.eddy.runtime.graph;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.runtime.partitioner.StreamPartitioner;
import java.io.Serializable;

/** An edge leaving the chain from one operator: partitioner and record serializer. Immutable. */
public final class NetworkOutputConfig implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int outEdgeIndex;
    private final StreamPartitioner<?> partitioner;
    private final TypeSerializer<?> serializer;
    private final long bufferTimeoutMillis;
    private final dev.eddy.util.OutputTag<?> outputTag;

    public NetworkOutputConfig(int outEdgeIndex, StreamPartitioner<?> partitioner, TypeSerializer<?> serializer, long bufferTimeoutMillis) {
        this(outEdgeIndex, partitioner, serializer, bufferTimeoutMillis, null);
    }

    /** @param outputTag the side output this edge carries (serializer of the tag's type), or null for the main output */
    public NetworkOutputConfig(int outEdgeIndex, StreamPartitioner<?> partitioner, TypeSerializer<?> serializer, long bufferTimeoutMillis,
            dev.eddy.util.OutputTag<?> outputTag) {
        this.outputTag = outputTag;
        this.outEdgeIndex = outEdgeIndex;
        this.partitioner = partitioner;
        this.serializer = serializer;
        this.bufferTimeoutMillis = bufferTimeoutMillis;
    }

    /** Index among the vertex's out edges (job graph edge order); selects the produced partition. */
    public int getOutEdgeIndex() {
        return outEdgeIndex;
    }

    public StreamPartitioner<?> getPartitioner() {
        return partitioner;
    }

    public TypeSerializer<?> getSerializer() {
        return serializer;
    }

    /** The side output this edge carries, or null for the main output. */
    public dev.eddy.util.OutputTag<?> getOutputTag() {
        return outputTag;
    }

    /** -1: job default (execution.buffer-timeout); 0: flush every record; &gt;0: ms. */
    public long getBufferTimeoutMillis() {
        return bufferTimeoutMillis;
    }
}
