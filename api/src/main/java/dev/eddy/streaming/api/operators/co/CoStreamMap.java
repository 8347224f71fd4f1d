package dev.eddy.streaming.api.operators.co;

import dev.eddy.streaming.api.functions.co.CoMapFunction;
import dev.eddy.streaming.api.operators.AbstractUdfStreamOperator;
import dev.eddy.streaming.api.operators.TwoInputStreamOperator;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/** Runs a {@link CoMapFunction}: each record of either input becomes one record, keeping its timestamp. */
public class CoStreamMap<IN1, IN2, OUT> extends AbstractUdfStreamOperator<OUT, CoMapFunction<IN1, IN2, OUT>>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;

    public CoStreamMap(CoMapFunction<IN1, IN2, OUT> mapper) {
        super(mapper);
    }

    @Override
    public void processElement1(StreamRecord<IN1> element) throws Exception {
        output.collect(element.replace(userFunction.map1(element.getValue())));
    }

    @Override
    public void processElement2(StreamRecord<IN2> element) throws Exception {
        output.collect(element.replace(userFunction.map2(element.getValue())));
    }
}
