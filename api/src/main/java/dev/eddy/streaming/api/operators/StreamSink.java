package dev.eddy.streaming.api.operators;

import dev.eddy.streaming.api.functions.sink.legacy.SinkFunction;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/** Runs a legacy {@link SinkFunction}: invoke per record, finish at end of input. Emits nothing. */
public class StreamSink<IN> extends AbstractUdfStreamOperator<Object, SinkFunction<IN>>
        implements OneInputStreamOperator<IN, Object> {
    private static final long serialVersionUID = 1L;
    private transient ContextImpl context;

    public StreamSink(SinkFunction<IN> sinkFunction) {
        super(sinkFunction);
    }

    @Override
    public void open() throws Exception {
        super.open();
        context = new ContextImpl();
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        context.element = element;
        try {
            userFunction.invoke(element.getValue(), context);
        } finally {
            context.element = null;
        }
    }

    @Override
    public void processWatermark(Watermark mark) {
        currentWatermark = mark.getTimestamp();
    }

    @Override
    public void finish() throws Exception {
        super.finish();
        userFunction.finish();
    }

    private final class ContextImpl implements SinkFunction.Context {
        private StreamRecord<IN> element;

        @Override
        public long currentProcessingTime() {
            return getProcessingTimeService().getCurrentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public Long timestamp() {
            return element != null && element.hasTimestamp() ? element.getTimestamp() : null;
        }
    }
}
