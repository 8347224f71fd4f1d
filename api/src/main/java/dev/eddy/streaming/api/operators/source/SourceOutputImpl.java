package dev.eddy.streaming.api.operators.source;

import dev.eddy.api.common.eventtime.TimestampAssigner;
import dev.eddy.api.common.eventtime.WatermarkGenerator;
import dev.eddy.api.common.eventtime.WatermarkOutput;
import dev.eddy.api.connector.source.ReaderOutput;
import dev.eddy.api.connector.source.SourceOutput;
import dev.eddy.streaming.api.operators.Output;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/**
 * The {@link ReaderOutput} a {@link SourceReaderOperator} hands its reader: assigns timestamps,
 * feeds the watermark generator and emits records and (strictly increasing) watermarks to the
 * operator's output. Task thread only. Per-split outputs share this one (no per-split watermarks
 * yet).
 */
final class SourceOutputImpl<T> implements ReaderOutput<T> {
    private final Output<StreamRecord<T>> output;
    private final TimestampAssigner<T> timestampAssigner;
    private final WatermarkGenerator<T> watermarkGenerator;
    private final StreamRecord<T> reuse = new StreamRecord<>(null);
    private final WatermarkOutput watermarkOutput = new WatermarkOutput() {
        @Override
        public void emitWatermark(dev.eddy.api.common.eventtime.Watermark watermark) {
            emitWatermarkIfNewer(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    };
    private long lastWatermark = Long.MIN_VALUE;
    private long recordsEmitted;

    SourceOutputImpl(Output<StreamRecord<T>> output, TimestampAssigner<T> timestampAssigner,
            WatermarkGenerator<T> watermarkGenerator) {
        this.output = output;
        this.timestampAssigner = timestampAssigner;
        this.watermarkGenerator = watermarkGenerator;
    }

    @Override
    public void collect(T record) {
        collect(record, TimestampAssigner.NO_TIMESTAMP);
    }

    @Override
    public void collect(T record, long timestamp) {
        long assigned = timestampAssigner.extractTimestamp(record, timestamp);
        if (assigned == TimestampAssigner.NO_TIMESTAMP) {
            reuse.replace(record);
            reuse.eraseTimestamp();
        } else {
            reuse.replace(record, assigned);
        }
        output.collect(reuse);
        recordsEmitted++;
        watermarkGenerator.onEvent(record, assigned, watermarkOutput);
    }

    @Override
    public void emitWatermark(dev.eddy.api.common.eventtime.Watermark watermark) {
        watermarkOutput.emitWatermark(watermark);
    }

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}

    @Override
    public SourceOutput<T> createOutputForSplit(String splitId) {
        return this;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {}

    /** Lets the generator emit its periodic watermark. */
    void emitPeriodicWatermark() {
        watermarkGenerator.onPeriodicEmit(watermarkOutput);
    }

    /** The end of input: event time jumps to the end of time. */
    void emitFinalWatermark() {
        emitWatermarkIfNewer(Long.MAX_VALUE);
    }

    long recordsEmitted() {
        return recordsEmitted;
    }

    private void emitWatermarkIfNewer(long timestamp) {
        if (timestamp > lastWatermark) {
            lastWatermark = timestamp;
            output.emitWatermark(timestamp == Long.MAX_VALUE ? Watermark.MAX_WATERMARK : new Watermark(timestamp));
        }
    }
}
