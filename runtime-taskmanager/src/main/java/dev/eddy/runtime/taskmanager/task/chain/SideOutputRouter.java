package dev.eddy.runtime.taskmanager.task.chain;

import dev.eddy.streaming.api.operators.Output;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;
import dev.eddy.util.OutputTag;
import java.util.Map;

/**
 * The output of an operator whose side outputs have consumers: main records go to the main
 * output, records emitted with a tag go to that tag's output (chained operators and/or network
 * edges, already fanned out), records of a tag without consumers are dropped. Watermarks and
 * watermark status go to the main output and to every side output, since side-output consumers
 * need event time as much as main-output ones. Task thread only.
 */
final class SideOutputRouter<T> implements Output<StreamRecord<T>> {
    private final Output<StreamRecord<T>> main;
    private final Map<String, Output<StreamRecord<Object>>> sideOutputs;

    /** @param sideOutputs keyed by tag id; non-empty */
    SideOutputRouter(Output<StreamRecord<T>> main, Map<String, Output<StreamRecord<Object>>> sideOutputs) {
        this.main = main;
        this.sideOutputs = Map.copyOf(sideOutputs);
    }

    @Override
    public void collect(StreamRecord<T> record) {
        main.collect(record);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {
        Output<StreamRecord<Object>> side = sideOutputs.get(outputTag.getId());
        if (side != null) {
            side.collect((StreamRecord<Object>) (StreamRecord<?>) record);
        }
    }

    @Override
    public void emitWatermark(Watermark mark) {
        main.emitWatermark(mark);
        for (Output<StreamRecord<Object>> side : sideOutputs.values()) {
            side.emitWatermark(mark);
        }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
        main.emitWatermarkStatus(status);
        for (Output<StreamRecord<Object>> side : sideOutputs.values()) {
            side.emitWatermarkStatus(status);
        }
    }

    @Override
    public void close() {}
}
