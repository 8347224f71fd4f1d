package dev.eddy.api.dag;

import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import java.util.List;

/** An operator with one input; keyed when it has a state key selector. Sinks are of this kind too. */
public class OneInputTransformation<IN, OUT> extends Transformation<OUT> {
    private final Transformation<IN> input;
    private final OneInputStreamOperator<IN, OUT> operator;
    private KeySelector<IN, ?> stateKeySelector;
    private TypeInformation<?> stateKeyType;

    public OneInputTransformation(Transformation<IN> input, String name, OneInputStreamOperator<IN, OUT> operator,
            TypeInformation<OUT> outputType, int parallelism) {
        super(name, outputType, parallelism);
        this.input = input;
        this.operator = operator;
    }

    public Transformation<IN> getInput() {
        return input;
    }

    public OneInputStreamOperator<IN, OUT> getOperator() {
        return operator;
    }

    public KeySelector<IN, ?> getStateKeySelector() {
        return stateKeySelector;
    }

    public TypeInformation<?> getStateKeyType() {
        return stateKeyType;
    }

    public void setStateKeySelector(KeySelector<IN, ?> selector, TypeInformation<?> keyType) {
        this.stateKeySelector = selector;
        this.stateKeyType = keyType;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
