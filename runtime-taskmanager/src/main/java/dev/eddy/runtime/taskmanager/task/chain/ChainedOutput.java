package dev.eddy.runtime.taskmanager.task.chain;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.api.operators.Output;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Hands an operator's output straight to the next operator of the chain, on the task thread.
 * With a serializer (object reuse disabled, the default) each record's value is deep-copied first,
 * so the downstream operator may keep or change it without affecting the upstream one.
 */
final class ChainedOutput<T> implements Output<StreamRecord<T>> {
    private final ElementSink<T> target;
    private final TypeSerializer<T> copySerializer;
    private final String targetName;

    /** @param copySerializer null to pass records as they are (object reuse enabled) */
    ChainedOutput(ElementSink<T> target, TypeSerializer<T> copySerializer, String targetName) {
        this.target = target;
        this.copySerializer = copySerializer;
        this.targetName = targetName;
    }

    @Override
    public void collect(StreamRecord<T> record) {
        StreamRecord<T> r = copySerializer == null ? record : record.copy(copySerializer.copy(record.getValue()));
        try {
            target.processElement(r);
        } catch (Exception e) {
            throw ChainedOperatorException.wrap("to " + targetName, e);
        }
    }

    @Override
    public void emitWatermark(Watermark mark) {
        try {
            target.processWatermark(mark);
        } catch (Exception e) {
            throw ChainedOperatorException.wrap("(watermark) to " + targetName, e);
        }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
        try {
            target.processWatermarkStatus(status);
        } catch (Exception e) {
            throw ChainedOperatorException.wrap("(watermark status) to " + targetName, e);
        }
    }

    @Override
    public void close() {}
}
