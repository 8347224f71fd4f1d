package dev.eddy.api.dag;

import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.streaming.api.operators.SourceOperator;
import java.util.List;

/** A source: the head of a chain that produces records. */
public class SourceTransformation<T> extends Transformation<T> {
    private final SourceOperator<T> operator;
    private final boolean bounded;

    public SourceTransformation(String name, SourceOperator<T> operator, TypeInformation<T> outputType, int parallelism, boolean bounded) {
        super(name, outputType, parallelism);
        this.operator = operator;
        this.bounded = bounded;
    }

    public SourceOperator<T> getOperator() {
        return operator;
    }

    public boolean isBounded() {
        return bounded;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of();
    }
}
