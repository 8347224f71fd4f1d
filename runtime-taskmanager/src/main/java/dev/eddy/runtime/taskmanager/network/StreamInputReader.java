package dev.eddy.runtime.taskmanager.network;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.concurrent.CompletableFuture;

/**
 * Reads stream elements of one input gate, reassembling records that span buffers, and merges
 * per-channel watermarks (emits the minimum over channels that have not ended, only when it
 * advances). Task thread only. STUB: implemented by the network package.
 */
public class StreamInputReader<T> {
    public StreamInputReader(InputGate gate, TypeSerializer<T> serializer) {}

    /** Emits at most one element into {@code output}. */
    public InputStatus emitNext(DataOutput<T> output) throws Exception {
        throw new UnsupportedOperationException("stub");
    }

    /** Completes when data may be available. */
    public CompletableFuture<Void> getAvailableFuture() {
        throw new UnsupportedOperationException("stub");
    }

    /** Receives what the reader emits. */
    public interface DataOutput<T> {
        void emitRecord(StreamRecord<T> record) throws Exception;

        void emitWatermark(Watermark watermark) throws Exception;
    }
}
