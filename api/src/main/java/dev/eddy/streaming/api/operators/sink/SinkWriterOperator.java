package dev.eddy.streaming.api.operators.sink;

import dev.eddy.api.connector.sink2.Sink;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.operators.StreamOperatorParameters;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/** Runs a {@link Sink}'s writer. STUB: completed by the connectors package. */
public class SinkWriterOperator<T> implements OneInputStreamOperator<T, Void> {
    private static final long serialVersionUID = 1L;
    private final Sink<T> sink;

    public SinkWriterOperator(Sink<T> sink) {
        this.sink = sink;
    }

    @Override
    public void setup(StreamOperatorParameters<Void> parameters) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void open() {}

    @Override
    public void processElement(StreamRecord<T> element) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void processWatermark(Watermark mark) {}

    @Override
    public void finish() {}

    @Override
    public void close() {}
}
