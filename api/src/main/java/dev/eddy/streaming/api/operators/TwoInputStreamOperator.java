package dev.eddy.streaming.api.operators;

import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;

/** An operator with two inputs (connect, join). Called only from the task thread. */
public interface TwoInputStreamOperator<IN1, IN2, OUT> extends StreamOperator<OUT> {
    void processElement1(StreamRecord<IN1> element) throws Exception;

    void processElement2(StreamRecord<IN2> element) throws Exception;

    void processWatermark1(Watermark mark) throws Exception;

    void processWatermark2(Watermark mark) throws Exception;

    /** Input 1 became idle or active again (called on changes only). The default ignores it. */
    default void processWatermarkStatus1(WatermarkStatus status) throws Exception {}

    /** Input 2 became idle or active again (called on changes only). The default ignores it. */
    default void processWatermarkStatus2(WatermarkStatus status) throws Exception {}

    default void setKeyContextElement1(StreamRecord<IN1> record) throws Exception {}

    default void setKeyContextElement2(StreamRecord<IN2> record) throws Exception {}
}
