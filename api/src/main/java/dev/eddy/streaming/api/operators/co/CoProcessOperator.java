package dev.eddy.streaming.api.operators.co;

import dev.eddy.streaming.api.functions.TimerService;
import dev.eddy.streaming.api.functions.co.CoProcessFunction;
import dev.eddy.streaming.api.operators.AbstractUdfStreamOperator;
import dev.eddy.streaming.api.operators.TimestampedCollector;
import dev.eddy.streaming.api.operators.TwoInputStreamOperator;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.util.OutputTag;

/**
 * Runs a {@link CoProcessFunction} on non-keyed connected streams: timestamps, side outputs and the
 * current time, but no timers. Task thread only.
 */
public class CoProcessOperator<IN1, IN2, OUT> extends AbstractUdfStreamOperator<OUT, CoProcessFunction<IN1, IN2, OUT>>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;
    private transient TimestampedCollector<OUT> collector;
    private transient ContextImpl context;

    public CoProcessOperator(CoProcessFunction<IN1, IN2, OUT> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector<>(output);
        context = new ContextImpl(userFunction);
    }

    @Override
    public void processElement1(StreamRecord<IN1> element) throws Exception {
        collector.setTimestamp(element);
        context.element = element;
        try {
            userFunction.processElement1(element.getValue(), context, collector);
        } finally {
            context.element = null;
        }
    }

    @Override
    public void processElement2(StreamRecord<IN2> element) throws Exception {
        collector.setTimestamp(element);
        context.element = element;
        try {
            userFunction.processElement2(element.getValue(), context, collector);
        } finally {
            context.element = null;
        }
    }

    private final class ContextImpl extends CoProcessFunction<IN1, IN2, OUT>.Context implements TimerService {
        private StreamRecord<?> element;

        ContextImpl(CoProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return CoOperators.timestampOf(element);
        }

        @Override
        public TimerService timerService() {
            return this;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            CoOperators.emitSide(output, outputTag, value, timestamp());
        }

        @Override
        public long currentProcessingTime() {
            return getProcessingTimeService().getCurrentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            throw new UnsupportedOperationException(CoOperators.NO_TIMERS);
        }

        @Override
        public void registerEventTimeTimer(long time) {
            throw new UnsupportedOperationException(CoOperators.NO_TIMERS);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            throw new UnsupportedOperationException(CoOperators.NO_TIMERS);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            throw new UnsupportedOperationException(CoOperators.NO_TIMERS);
        }
    }
}
