package dev.eddy.runtime.taskmanager.task.chain;

import dev.eddy.runtime.taskmanager.task.io.OutputWriter;
import dev.eddy.streaming.api.operators.Output;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.partitioner.StreamPartitioner;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Sends an operator's output over one out edge: the partitioner picks the subpartition (broadcast
 * partitioners send to all), watermarks go to every subpartition. With {@code flushAlways}
 * (buffer timeout 0) every record is flushed at once. Task thread only.
 */
final class RecordWriterOutput<T> implements Output<StreamRecord<T>> {
    private final OutputWriter<T> writer;
    private final StreamPartitioner<T> partitioner;
    private final boolean broadcast;
    private final boolean flushAlways;

    RecordWriterOutput(OutputWriter<T> writer, StreamPartitioner<T> partitioner, boolean flushAlways) {
        this.writer = writer;
        this.partitioner = partitioner;
        this.broadcast = partitioner.isBroadcast();
        this.flushAlways = flushAlways;
        partitioner.setup(writer.getNumberOfSubpartitions());
    }

    @Override
    public void collect(StreamRecord<T> record) {
        try {
            if (broadcast) {
                writer.broadcastEmit(record);
            } else {
                writer.emit(record, partitioner.selectChannel(record));
            }
        } catch (Exception e) {
            throw ChainedOperatorException.wrap("to the network (" + partitioner + " partitioner)", e);
        }
        if (flushAlways) {
            writer.flushAll();
        }
    }

    @Override
    public void emitWatermark(Watermark mark) {
        try {
            writer.broadcastWatermark(mark);
        } catch (Exception e) {
            throw ChainedOperatorException.wrap("(watermark) to the network", e);
        }
        if (flushAlways) {
            writer.flushAll();
        }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
        try {
            writer.broadcastWatermarkStatus(status);
        } catch (Exception e) {
            throw ChainedOperatorException.wrap("(watermark status) to the network", e);
        }
    }

    @Override
    public void close() {}
}
