package dev.eddy.streaming.api.operators;

import dev.eddy.api.common.functions.MapFunction;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/** Runs a {@link MapFunction}; the output keeps the input's timestamp (the record object is reused). */
public class StreamMap<IN, OUT> extends AbstractUdfStreamOperator<OUT, MapFunction<IN, OUT>>
        implements OneInputStreamOperator<IN, OUT> {
    private static final long serialVersionUID = 1L;

    public StreamMap(MapFunction<IN, OUT> mapper) {
        super(mapper);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        output.collect(element.replace(userFunction.map(element.getValue())));
    }
}
