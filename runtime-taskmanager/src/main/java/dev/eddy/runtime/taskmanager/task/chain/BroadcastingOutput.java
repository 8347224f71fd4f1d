package dev.eddy.runtime.taskmanager.task.chain;

import dev.eddy.streaming.api.operators.Output;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;
import java.util.List;

/**
 * Fans an operator's output out to several outputs (chained operators and/or network edges).
 * Every output but the last gets its own record wrapper, so a downstream operator that reuses
 * its input record (replace) cannot change what the next branch sees; chained outputs copy the
 * value itself when object reuse is disabled. Task thread only.
 */
final class BroadcastingOutput<T> implements Output<StreamRecord<T>> {
    private final Output<StreamRecord<T>>[] outputs;

    @SuppressWarnings("unchecked")
    BroadcastingOutput(List<Output<StreamRecord<T>>> outputs) {
        this.outputs = outputs.toArray(new Output[0]);
    }

    @Override
    public void collect(StreamRecord<T> record) {
        int last = outputs.length - 1;
        for (int i = 0; i < last; i++) {
            outputs[i].collect(record.copy(record.getValue()));
        }
        outputs[last].collect(record);
    }

    @Override
    public void emitWatermark(Watermark mark) {
        for (Output<StreamRecord<T>> o : outputs) {
            o.emitWatermark(mark);
        }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
        for (Output<StreamRecord<T>> o : outputs) {
            o.emitWatermarkStatus(status);
        }
    }

    @Override
    public void close() {}
}
