package dev.eddy.runtime.taskmanager.task.io;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.runtime.taskmanager.checkpoint.CancelCheckpointMarker;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointBarrier;
import dev.eddy.runtime.taskmanager.network.InputGate;
import dev.eddy.runtime.taskmanager.network.InputStatus;
import dev.eddy.runtime.taskmanager.network.RecordWriter;
import dev.eddy.runtime.taskmanager.network.ResultPartitionWriter;
import dev.eddy.runtime.taskmanager.network.StreamInputReader;
import dev.eddy.runtime.taskmanager.network.StreamInputReader.DataOutput;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.concurrent.CompletableFuture;

/**
 * Creates the element-level writers and readers of a task over the partitions and gates the
 * {@code ShuffleEnvironment} made. {@link #NETWORK} uses the data plane's RecordWriter and
 * StreamInputReader. Called on the task thread.
 */
public interface NetworkIOFactory {
    <T> OutputWriter<T> createWriter(ResultPartitionWriter partition, TypeSerializer<T> serializer);

    <T> InputReader<T> createReader(InputGate gate, TypeSerializer<T> serializer);

    NetworkIOFactory NETWORK = new NetworkIOFactory() {
        @Override
        public <T> OutputWriter<T> createWriter(ResultPartitionWriter partition, TypeSerializer<T> serializer) {
            return new NetworkOutputWriter<>(new RecordWriter<>(partition, serializer));
        }

        @Override
        public <T> InputReader<T> createReader(InputGate gate, TypeSerializer<T> serializer) {
            StreamInputReader<T> reader = new StreamInputReader<>(gate, serializer);
            return new InputReader<>() {
                @Override
                public InputStatus emitNext(DataOutput<T> output) throws Exception {
                    return reader.emitNext(output);
                }

                @Override
                public CompletableFuture<Void> getAvailableFuture() {
                    return reader.getAvailableFuture();
                }

                @Override
                public int getNumberOfChannels() {
                    return reader.getNumberOfChannels();
                }

                @Override
                public void blockChannel(int channel) {
                    reader.blockChannel(channel);
                }

                @Override
                public void unblockChannel(int channel) {
                    reader.unblockChannel(channel);
                }

                @Override
                public dev.eddy.runtime.taskmanager.watermark.StatusWatermarkValve getWatermarkValve() {
                    return reader.getWatermarkValve();
                }
            };
        }
    };

    /** Adapter over the network's RecordWriter. */
    final class NetworkOutputWriter<T> implements OutputWriter<T> {
        private final RecordWriter<T> writer;

        NetworkOutputWriter(RecordWriter<T> writer) {
            this.writer = writer;
        }

        @Override
        public int getNumberOfSubpartitions() {
            return writer.getNumberOfSubpartitions();
        }

        @Override
        public void emit(StreamRecord<T> record, int subpartition) throws Exception {
            writer.emit(record, subpartition);
        }

        @Override
        public void broadcastEmit(StreamRecord<T> record) throws Exception {
            writer.broadcastEmit(record);
        }

        @Override
        public void broadcastWatermark(Watermark watermark) throws Exception {
            writer.broadcastWatermark(watermark);
        }

        @Override
        public void flushAll() {
            writer.flushAll();
        }

        @Override
        public void flushAllFromAnyThread() {
            writer.flushAllFromAnyThread();
        }

        @Override
        public void broadcastWatermarkStatus(dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus status) throws Exception {
            writer.broadcastWatermarkStatus(status);
        }

        @Override
        public void broadcastBarrier(CheckpointBarrier barrier) throws Exception {
            writer.broadcastBarrier(barrier);
        }

        @Override
        public void broadcastCancelMarker(CancelCheckpointMarker marker) throws Exception {
            writer.broadcastCancelMarker(marker);
        }

        @Override
        public boolean isAvailable() {
            return writer.isAvailable();
        }

        @Override
        public CompletableFuture<Void> getAvailableFuture() {
            return writer.getAvailableFuture();
        }

        @Override
        public void finish() throws Exception {
            writer.finish();
        }
    }
}
