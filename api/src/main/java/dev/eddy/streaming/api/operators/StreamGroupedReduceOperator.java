package dev.eddy.streaming.api.operators;

import dev.eddy.api.common.functions.ReduceFunction;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/**
 * Rolling reduce on a keyed stream: per key, keeps the reduced value in a {@link ValueState} and
 * emits the new value for every input record (with the input's timestamp).
 */
public class StreamGroupedReduceOperator<IN> extends AbstractUdfStreamOperator<IN, ReduceFunction<IN>>
        implements OneInputStreamOperator<IN, IN> {
    private static final long serialVersionUID = 1L;
    private static final String STATE_NAME = "_op_state";
    private final TypeSerializer<IN> serializer;
    private transient ValueState<IN> values;

    public StreamGroupedReduceOperator(ReduceFunction<IN> reducer, TypeSerializer<IN> serializer) {
        super(reducer);
        this.serializer = serializer;
    }

    @Override
    public void open() throws Exception {
        super.open();
        values = requireKeyedBackend().getPartitionedState(new ValueStateDescriptor<>(STATE_NAME, serializer));
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        IN value = element.getValue();
        IN current = values.value();
        IN result = current == null ? value : userFunction.reduce(current, value);
        values.update(result);
        output.collect(element.replace(result));
    }
}
