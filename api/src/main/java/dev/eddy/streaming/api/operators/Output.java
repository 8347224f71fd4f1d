package dev.eddy.streaming.api.operators;

import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;
import dev.eddy.util.Collector;
import dev.eddy.util.OutputTag;

/**
 * Where an operator emits: the next operator of the chain, or the task's record writers. Called
 * only from the task thread. {@code T} is {@code StreamRecord<OUT>} for operators.
 */
public interface Output<T> extends Collector<T> {
    void emitWatermark(Watermark mark);

    /**
     * Emits a record to the side output named by {@code outputTag}. Records of a tag nobody reads
     * ({@code getSideOutput} never called for it) are dropped.
     */
    default <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {}

    /** Announces that this output becomes idle or active again (see {@link WatermarkStatus}). */
    default void emitWatermarkStatus(WatermarkStatus status) {}
}
