package dev.eddy.streaming.api.operators;

import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;

/** One logical input of an operator. Called only from the task thread. */
public interface Input<IN> {
    void processElement(StreamRecord<IN> element) throws Exception;

    /** Event-time progress on this input; the default forwards nothing (operators override). */
    void processWatermark(Watermark mark) throws Exception;

    /**
     * Sets the current key of the keyed state backend from the record, before processElement.
     * The runtime calls it for keyed operators only.
     */
    default void setKeyContextElement(StreamRecord<IN> record) throws Exception {}
}
