package dev.eddy.api.dag;

import dev.eddy.streaming.runtime.partitioner.StreamPartitioner;
import java.util.List;

/** Virtual: changes how records of its input reach the next operator. Has no operator. */
public class PartitionTransformation<T> extends Transformation<T> {
    private final Transformation<T> input;
    private final StreamPartitioner<T> partitioner;

    public PartitionTransformation(Transformation<T> input, StreamPartitioner<T> partitioner) {
        super("Partition", input.hasOutputType() ? input.getOutputType() : null, input.getParallelism());
        this.input = input;
        this.partitioner = partitioner;
    }

    public Transformation<T> getInput() {
        return input;
    }

    public StreamPartitioner<T> getPartitioner() {
        return partitioner;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
