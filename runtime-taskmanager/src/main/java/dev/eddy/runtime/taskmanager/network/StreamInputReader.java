package dev.eddy.runtime.taskmanager.network;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.runtime.taskmanager.network.buffer.BufferSlice;
import dev.eddy.runtime.taskmanager.network.gate.SingleInputGate;
import dev.eddy.core.memory.DataInputDeserializer;
import dev.eddy.runtime.taskmanager.checkpoint.CancelCheckpointMarker;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointBarrier;
import dev.eddy.runtime.taskmanager.network.serialization.BigEndian;
import dev.eddy.runtime.taskmanager.network.serialization.ElementAssembler;
import dev.eddy.runtime.taskmanager.network.serialization.StreamElementSerializer;
import dev.eddy.runtime.taskmanager.network.serialization.StreamElementTags;
import dev.eddy.runtime.taskmanager.watermark.StatusWatermarkValve;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Reads stream elements of one input gate, reassembling records that span buffers, and merges
 * per-channel watermarks and watermark statuses with a {@link StatusWatermarkValve} (the gate's
 * watermark is the minimum over its active channels that have not ended, emitted only when it
 * advances; the gate is idle when all its open channels are). Task thread only.
 *
 * <p>Channels take turns buffer by buffer (the gate's order). A channel that has not sent a
 * watermark yet holds the merged watermark at {@code Long.MIN_VALUE}; a channel that sent
 * END_OF_PARTITION no longer holds it back. When every channel has ended, {@link #emitNext} returns
 * {@link InputStatus#END_OF_INPUT} (no extra watermark is made up: producers send
 * {@code MAX_WATERMARK} themselves when their input ends). The emitted {@link StreamRecord} object is
 * reused between calls; the value is freshly deserialized. Elements with tags this reader does not
 * know (reserved for later events) are skipped.
 *
 * <p><b>Checkpoint events.</b> Barriers and cancel markers are handed to
 * {@link DataOutput#emitBarrier}/{@link DataOutput#emitCancelMarker} with the channel they came
 * from, and {@link DataOutput#endOfChannel} reports each channel's END_OF_PARTITION; the reader
 * itself does not interpret them. Whoever aligns barriers may {@link #blockChannel} a channel
 * (typically from inside {@code emitBarrier}): the unread rest of that channel's current buffer goes
 * back to the gate, which hands out none of the channel's data until {@link #unblockChannel}. The
 * channel's watermark stays where it was meanwhile, so it holds the merged watermark back.
 */
public class StreamInputReader<T> {
    private static final CompletableFuture<Void> AVAILABLE = CompletableFuture.completedFuture(null);

    private final InputGate gate;
    private final TypeSerializer<T> serializer;
    private final ElementAssembler[] assemblers;
    private final StatusWatermarkValve valve;
    private ValveToOutput valveOutput;
    private final boolean[] ended;
    private final boolean[] blocked;
    private final DataInputDeserializer view = new DataInputDeserializer();
    private final StreamRecord<T> reuse = new StreamRecord<>(null);
    private int numEnded;
    private BufferSlice current;
    private int pos;
    private int end;

    public StreamInputReader(InputGate gate, TypeSerializer<T> serializer) {
        this.gate = gate;
        this.serializer = serializer;
        int n = gate.getNumberOfChannels();
        this.assemblers = new ElementAssembler[n];
        for (int i = 0; i < n; i++) {
            assemblers[i] = new ElementAssembler();
        }
        this.valve = new StatusWatermarkValve(Math.max(1, n));
        this.ended = new boolean[n];
        this.blocked = new boolean[n];
    }

    public int getNumberOfChannels() {
        return ended.length;
    }

    /**
     * Stops reading {@code channel} after the element just emitted: the rest of its current buffer
     * (if this reader is in the middle of one) goes back to the gate with it. Task thread; may be
     * called from inside {@link DataOutput} callbacks. No-op if already blocked or ended.
     */
    public void blockChannel(int channel) {
        if (blocked[channel] || ended[channel]) {
            return;
        }
        blocked[channel] = true;
        BufferSlice unread = null;
        if (current != null && current.channelIndex() == channel) {
            BufferSlice c = current;
            current = null;
            if (pos < end) {
                unread = c.remainder(pos);
            } else {
                c.release();
            }
        }
        gate.blockChannel(channel, unread);
    }

    /** Lets a blocked channel be read again (its parked data first). Task thread; no-op if not blocked. */
    public void unblockChannel(int channel) {
        if (!blocked[channel]) {
            return;
        }
        blocked[channel] = false;
        gate.unblockChannel(channel);
    }

    public boolean isBlocked(int channel) {
        return blocked[channel];
    }

    /** The per-channel watermark state of this gate (read it on the task thread only). */
    public StatusWatermarkValve getWatermarkValve() {
        return valve;
    }

    /** Emits at most one element into {@code output}. */
    public InputStatus emitNext(DataOutput<T> output) throws Exception {
        while (true) {
            if (current == null) {
                if (numEnded == ended.length) {
                    return InputStatus.END_OF_INPUT;
                }
                current = gate.pollNext();
                if (current == null) {
                    return InputStatus.NOTHING_AVAILABLE;
                }
                pos = current.offset();
                end = pos + current.length();
            }
            int channel = current.channelIndex();
            ElementAssembler assembler = assemblers[channel];
            InputStatus status = null;
            if (pos < end) {
                boolean complete = assembler.next(current.array(), pos, end - pos);
                pos += assembler.consumed();
                if (complete) {
                    status = handleElement(channel, assembler, output);
                }
            }
            if (current != null && pos >= end) { // null: the output blocked the channel and parked the rest
                BufferSlice done = current;
                current = null;
                done.release();
            }
            if (status != null) {
                return status;
            }
        }
    }

    private InputStatus handleElement(int channel, ElementAssembler a, DataOutput<T> output) throws Exception {
        byte[] arr = a.elementArray();
        int off = a.elementOffset();
        int len = a.elementLength();
        switch (arr[off]) {
            case StreamElementTags.RECORD -> {
                view.setBuffer(arr, off + 1, len - 1);
                T value = serializer.deserialize(view);
                reuse.replace(value);
                reuse.eraseTimestamp();
                output.emitRecord(reuse);
                return InputStatus.MORE_AVAILABLE;
            }
            case StreamElementTags.RECORD_WITH_TIMESTAMP -> {
                long ts = BigEndian.getLong(arr, off + 1);
                view.setBuffer(arr, off + 9, len - 9);
                T value = serializer.deserialize(view);
                reuse.replace(value, ts);
                output.emitRecord(reuse);
                return InputStatus.MORE_AVAILABLE;
            }
            case StreamElementTags.WATERMARK -> {
                long ts = BigEndian.getLong(arr, off + 1);
                return valveOutput(output).watermark(ts, channel);
            }
            case StreamElementTags.WATERMARK_STATUS -> {
                WatermarkStatus st = StreamElementSerializer.readWatermarkStatus(arr, off, len);
                return valveOutput(output).status(st, channel);
            }
            case StreamElementTags.CHECKPOINT_BARRIER -> {
                output.emitBarrier(channel, StreamElementSerializer.readBarrier(arr, off, len));
                return InputStatus.MORE_AVAILABLE;
            }
            case StreamElementTags.CANCEL_CHECKPOINT_MARKER -> {
                output.emitCancelMarker(channel, StreamElementSerializer.readCancelMarker(arr, off, len));
                return InputStatus.MORE_AVAILABLE;
            }
            case StreamElementTags.END_OF_PARTITION -> {
                InputStatus emitted = null;
                if (!ended[channel]) {
                    ended[channel] = true;
                    numEnded++;
                    if (gate instanceof SingleInputGate g) {
                        g.channelEnded(channel);
                    }
                    output.endOfChannel(channel);
                    emitted = valveOutput(output).finished(channel);
                }
                if (numEnded == ended.length) {
                    return InputStatus.END_OF_INPUT;
                }
                return emitted;
            }
            default -> {
                return null;
            }
        }
    }

    private ValveToOutput valveOutput(DataOutput<T> output) {
        if (valveOutput == null || valveOutput.target != output) {
            valveOutput = new ValveToOutput(output);
        }
        return valveOutput;
    }

    /** Feeds the valve and forwards what it emits; remembers whether anything was emitted. */
    private final class ValveToOutput implements StatusWatermarkValve.ValveOutput {
        final DataOutput<T> target;
        private boolean emitted;

        ValveToOutput(DataOutput<T> target) {
            this.target = target;
        }

        InputStatus watermark(long ts, int channel) throws Exception {
            emitted = false;
            valve.inputWatermark(ts, channel, this);
            return emitted ? InputStatus.MORE_AVAILABLE : null;
        }

        InputStatus status(WatermarkStatus status, int channel) throws Exception {
            emitted = false;
            valve.inputWatermarkStatus(status, channel, this);
            return emitted ? InputStatus.MORE_AVAILABLE : null;
        }

        InputStatus finished(int channel) throws Exception {
            emitted = false;
            valve.channelFinished(channel, this);
            return emitted ? InputStatus.MORE_AVAILABLE : null;
        }

        @Override
        public void emitWatermark(long timestamp) throws Exception {
            emitted = true;
            target.emitWatermark(timestamp == Long.MAX_VALUE ? Watermark.MAX_WATERMARK : new Watermark(timestamp));
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) throws Exception {
            emitted = true;
            target.emitWatermarkStatus(status);
        }
    }

    /** Completes when data may be available. */
    public CompletableFuture<Void> getAvailableFuture() {
        if (current != null || numEnded == ended.length) {
            return AVAILABLE;
        }
        return gate.getAvailableFuture();
    }

    /** Releases the buffer being read, if any (the gate's close also does). Task thread. Idempotent. */
    public void close() {
        BufferSlice c = current;
        current = null;
        if (c != null) {
            c.release();
        }
    }

    /**
     * Receives what the reader emits, on the task thread. The checkpoint callbacks were added with
     * defaults (ignore) so outputs that do not take part in checkpoints keep compiling.
     */
    public interface DataOutput<T> {
        void emitRecord(StreamRecord<T> record) throws Exception;

        void emitWatermark(Watermark watermark) throws Exception;

        /** {@code channel} (index within this reader's gate) delivered a checkpoint barrier. */
        default void emitBarrier(int channel, CheckpointBarrier barrier) throws Exception {}

        /** {@code channel} delivered a cancellation marker for an aborted checkpoint. */
        default void emitCancelMarker(int channel, CancelCheckpointMarker marker) throws Exception {}

        /** The gate became idle (all its open channels are) or active again; called on changes only. */
        default void emitWatermarkStatus(WatermarkStatus status) throws Exception {}

        /** {@code channel} delivered END_OF_PARTITION (once per channel, before any resulting watermark). */
        default void endOfChannel(int channel) throws Exception {}
    }
}
