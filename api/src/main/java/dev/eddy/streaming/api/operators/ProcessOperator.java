package dev.eddy.streaming.api.operators;

import dev.eddy.streaming.api.functions.ProcessFunction;
import dev.eddy.streaming.api.functions.TimerService;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/** Runs a {@link ProcessFunction} on a non-keyed stream: timestamps and time, but no timers. */
public class ProcessOperator<IN, OUT> extends AbstractUdfStreamOperator<OUT, ProcessFunction<IN, OUT>>
        implements OneInputStreamOperator<IN, OUT> {
    private static final long serialVersionUID = 1L;
    private transient TimestampedCollector<OUT> collector;
    private transient ContextImpl context;

    public ProcessOperator(ProcessFunction<IN, OUT> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector<>(output);
        context = new ContextImpl(userFunction);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        collector.setTimestamp(element);
        context.element = element;
        try {
            userFunction.processElement(element.getValue(), context, collector);
        } finally {
            context.element = null;
        }
    }

    private final class ContextImpl extends ProcessFunction<IN, OUT>.Context implements TimerService {
        private StreamRecord<IN> element;

        ContextImpl(ProcessFunction<IN, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return element != null && element.hasTimestamp() ? element.getTimestamp() : null;
        }

        @Override
        public TimerService timerService() {
            return this;
        }

        @Override
        public <X> void output(dev.eddy.util.OutputTag<X> outputTag, X value) {
            Long ts = timestamp();
            output.collect(outputTag, ts == null ? new StreamRecord<>(value) : new StreamRecord<>(value, ts));
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
            throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
        }

        @Override
        public void registerEventTimeTimer(long time) {
            throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            throw new UnsupportedOperationException(UNSUPPORTED_DELETE_TIMER_MSG);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            throw new UnsupportedOperationException(UNSUPPORTED_DELETE_TIMER_MSG);
        }
    }
}
