package dev.eddy.streaming.api.operators.source;

import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.api.connector.source.Source;
import dev.eddy.streaming.api.operators.SourceOperator;
import dev.eddy.streaming.api.operators.StreamOperatorParameters;

/** Runs a {@link Source}'s reader in a source task. STUB: completed by the connectors package. */
public class SourceReaderOperator<T> implements SourceOperator<T> {
    private static final long serialVersionUID = 1L;
    private final Source<T, ?, ?> source;
    private final WatermarkStrategy<T> watermarkStrategy;

    public SourceReaderOperator(Source<T, ?, ?> source, WatermarkStrategy<T> watermarkStrategy) {
        this.source = source;
        this.watermarkStrategy = watermarkStrategy;
    }

    @Override
    public void setup(StreamOperatorParameters<T> parameters) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void open() {}

    @Override
    public void run(SourceContextControl control) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void cancel() {}

    @Override
    public void finish() {}

    @Override
    public void close() {}
}
