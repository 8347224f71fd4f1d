package dev.eddy.api.dag;

import java.util.List;

/** Virtual: merges streams of one type. Has no operator. */
public class UnionTransformation<T> extends Transformation<T> {
    private final List<Transformation<T>> inputs;

    public UnionTransformation(List<Transformation<T>> inputs) {
        super("Union", inputs.get(0).hasOutputType() ? inputs.get(0).getOutputType() : null, inputs.get(0).getParallelism());
        this.inputs = List.copyOf(inputs);
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.copyOf(inputs);
    }
}
