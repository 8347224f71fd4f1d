package dev.eddy.runtime.taskmanager.task.chain;

import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.streaming.api.operators.Input;
import dev.eddy.streaming.api.operators.TwoInputStreamOperator;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * One logical input of an operator as the runtime drives it: for keyed operators the current key
 * of the operator's backend is set from the state key selector before every element, then the
 * operator's own {@code setKeyContextElement} is called, then {@code processElement}. Task thread only.
 */
public interface ElementSink<T> {
    void processElement(StreamRecord<T> record) throws Exception;

    void processWatermark(Watermark mark) throws Exception;

    /** The input became idle or active again (changes only). The default ignores it. */
    default void processWatermarkStatus(WatermarkStatus status) throws Exception {}

    /** Input {@code 0} of a one-input operator. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> ElementSink<T> of(Input<T> op, KeySelector<?, ?> keySelector, KeyedStateBackend<Object> backend) {
        KeySelector<T, Object> ks = (KeySelector) keySelector;
        if (ks == null || backend == null) {
            return new ElementSink<>() {
                @Override
                public void processElement(StreamRecord<T> record) throws Exception {
                    op.processElement(record);
                }

                @Override
                public void processWatermark(Watermark mark) throws Exception {
                    op.processWatermark(mark);
                }

                @Override
                public void processWatermarkStatus(WatermarkStatus status) throws Exception {
                    op.processWatermarkStatus(status);
                }
            };
        }
        return new ElementSink<>() {
            @Override
            public void processElement(StreamRecord<T> record) throws Exception {
                backend.setCurrentKey(ks.getKey(record.getValue()));
                op.setKeyContextElement(record);
                op.processElement(record);
            }

            @Override
            public void processWatermark(Watermark mark) throws Exception {
                op.processWatermark(mark);
            }

            @Override
            public void processWatermarkStatus(WatermarkStatus status) throws Exception {
                op.processWatermarkStatus(status);
            }
        };
    }

    /** Input {@code inputIndex} (0 or 1) of a two-input operator. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> ElementSink<T> ofTwoInput(TwoInputStreamOperator op, int inputIndex, KeySelector<?, ?> keySelector,
            KeyedStateBackend<Object> backend) {
        KeySelector<Object, Object> ks = backend == null ? null : (KeySelector) keySelector;
        boolean first = inputIndex == 0;
        return new ElementSink<>() {
            @Override
            public void processElement(StreamRecord<T> record) throws Exception {
                if (ks != null) {
                    backend.setCurrentKey(ks.getKey(record.getValue()));
                }
                if (first) {
                    if (ks != null) {
                        op.setKeyContextElement1(record);
                    }
                    op.processElement1(record);
                } else {
                    if (ks != null) {
                        op.setKeyContextElement2(record);
                    }
                    op.processElement2(record);
                }
            }

            @Override
            public void processWatermark(Watermark mark) throws Exception {
                if (first) {
                    op.processWatermark1(mark);
                } else {
                    op.processWatermark2(mark);
                }
            }

            @Override
            public void processWatermarkStatus(WatermarkStatus status) throws Exception {
                if (first) {
                    op.processWatermarkStatus1(status);
                } else {
                    op.processWatermarkStatus2(status);
                }
            }
        };
    }
}
