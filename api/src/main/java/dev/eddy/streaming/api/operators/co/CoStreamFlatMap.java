package dev.eddy.streaming.api.operators.co;

import dev.eddy.streaming.api.functions.co.CoFlatMapFunction;
import dev.eddy.streaming.api.operators.AbstractUdfStreamOperator;
import dev.eddy.streaming.api.operators.TimestampedCollector;
import dev.eddy.streaming.api.operators.TwoInputStreamOperator;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/** Runs a {@link CoFlatMapFunction}; output records carry the input record's timestamp. */
public class CoStreamFlatMap<IN1, IN2, OUT> extends AbstractUdfStreamOperator<OUT, CoFlatMapFunction<IN1, IN2, OUT>>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;
    private transient TimestampedCollector<OUT> collector;

    public CoStreamFlatMap(CoFlatMapFunction<IN1, IN2, OUT> flatMapper) {
        super(flatMapper);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector<>(output);
    }

    @Override
    public void processElement1(StreamRecord<IN1> element) throws Exception {
        collector.setTimestamp(element);
        userFunction.flatMap1(element.getValue(), collector);
    }

    @Override
    public void processElement2(StreamRecord<IN2> element) throws Exception {
        collector.setTimestamp(element);
        userFunction.flatMap2(element.getValue(), collector);
    }
}
