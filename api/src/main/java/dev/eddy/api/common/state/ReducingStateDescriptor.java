package dev.eddy.api.common.state;

import dev.eddy.api.common.functions.ReduceFunction;
import dev.eddy.api.common.typeinfo.TypeInformation;
import java.util.Objects;

/** Describes a {@link ReducingState}: its name, value type and the function that combines values. */
public class ReducingStateDescriptor<T> extends StateDescriptor<ReducingState<T>, T> {
    private static final long serialVersionUID = 1L;

    private final ReduceFunction<T> reduceFunction;

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> typeClass) {
        super(name, typeClass);
        this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduce function");
    }

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeInformation<T> typeInfo) {
        super(name, typeInfo);
        this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduce function");
    }

    public ReduceFunction<T> getReduceFunction() {
        return reduceFunction;
    }

    @Override
    public Type getType() {
        return Type.REDUCING;
    }
}
