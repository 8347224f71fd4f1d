package dev.eddy.runtime.graph;

import dev.eddy.streaming.runtime.partitioner.StreamPartitioner;

/**
 * A physical edge of the stream graph: records of {@code source} reach input {@code inputIndex} of
 * {@code target}, distributed by {@code partitioner} (a per-edge copy, never shared with the
 * user's transformation). Immutable.
 */
final class StreamEdge {
    private final StreamNode source;
    private final StreamNode target;
    private final int inputIndex;
    private final StreamPartitioner<?> partitioner;
    private final dev.eddy.util.OutputTag<?> outputTag;

    StreamEdge(StreamNode source, StreamNode target, int inputIndex, StreamPartitioner<?> partitioner) {
        this(source, target, inputIndex, partitioner, null);
    }

    /** @param outputTag the side output this edge carries, or null for the main output */
    StreamEdge(StreamNode source, StreamNode target, int inputIndex, StreamPartitioner<?> partitioner,
            dev.eddy.util.OutputTag<?> outputTag) {
        this.outputTag = outputTag;
        this.source = source;
        this.target = target;
        this.inputIndex = inputIndex;
        this.partitioner = partitioner;
    }

    StreamNode getSource() {
        return source;
    }

    StreamNode getTarget() {
        return target;
    }

    /** 0 for one-input targets; 0 or 1 for two-input targets. */
    int getInputIndex() {
        return inputIndex;
    }

    StreamPartitioner<?> getPartitioner() {
        return partitioner;
    }

    /** The side output this edge carries, or null for the producer's main output. */
    dev.eddy.util.OutputTag<?> getOutputTag() {
        return outputTag;
    }

    @Override
    public String toString() {
        return source + (outputTag == null ? "" : "<" + outputTag.getId() + ">") + " -[" + partitioner + "]-> " + target + "#" + inputIndex;
    }
}
