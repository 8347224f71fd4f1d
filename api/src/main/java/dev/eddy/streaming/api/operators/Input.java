package dev.eddy.streaming.api.operators;

import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;

/** One logical input of an operator. Called only from the task thread. */
public interface Input<IN> {
    void processElement(StreamRecord<IN> element) throws Exception;

    /** Event-time progress on this input; the default forwards nothing (operators override). */
    void processWatermark(Watermark mark) throws Exception;

    /**
     * This input became idle (it no longer holds back event time) or active again. The runtime
     * calls it only when the status changes. The default ignores it; {@code AbstractStreamOperator}
     * forwards it downstream.
     */
    default void processWatermarkStatus(WatermarkStatus status) throws Exception {}

    /**
     * Sets the current key of the keyed state backend from the record, before processElement.
     * The runtime calls it for keyed operators only.
     */
    default void setKeyContextElement(StreamRecord<IN> record) throws Exception {}
}
