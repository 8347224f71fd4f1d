package dev.eddy.api.common.state;

import dev.eddy.api.common.functions.AggregateFunction;
import dev.eddy.api.common.typeinfo.TypeInformation;
import java.util.Objects;

/**
 * Describes an {@link AggregatingState}: its name, the aggregate function, and the accumulator type
 * (the type actually stored).
 */
public class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<AggregatingState<IN, OUT>, ACC> {
    private static final long serialVersionUID = 1L;

    private final AggregateFunction<IN, ACC, OUT> aggFunction;

    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggFunction, Class<ACC> accClass) {
        super(name, accClass);
        this.aggFunction = Objects.requireNonNull(aggFunction, "aggregate function");
    }

    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggFunction, TypeInformation<ACC> accTypeInfo) {
        super(name, accTypeInfo);
        this.aggFunction = Objects.requireNonNull(aggFunction, "aggregate function");
    }

    public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
        return aggFunction;
    }

    @Override
    public Type getType() {
        return Type.AGGREGATING;
    }
}
