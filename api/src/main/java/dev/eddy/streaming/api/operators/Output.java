package dev.eddy.streaming.api.operators;

import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.util.Collector;

/**
 * Where an operator emits: the next operator of the chain, or the task's record writers. Called
 * only from the task thread. {@code T} is {@code StreamRecord<OUT>} for operators.
 */
public interface Output<T> extends Collector<T> {
    void emitWatermark(Watermark mark);
}
