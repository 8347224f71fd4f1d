package dev.eddy.runtime.taskmanager.task.io;

import dev.eddy.runtime.taskmanager.checkpoint.CancelCheckpointMarker;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointBarrier;
import dev.eddy.runtime.taskmanager.network.InputStatus;
import dev.eddy.runtime.taskmanager.network.StreamInputReader.DataOutput;
import dev.eddy.runtime.taskmanager.task.chain.ElementSink;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Reads the head operator's input gates one element at a time, round robin over the gates with
 * data. Several gates feeding the same logical input (a union) have their watermarks combined:
 * the input's watermark is the minimum over its gates that have not ended, forwarded only when it
 * advances. Task thread only.
 *
 * <p>Checkpoint barriers, cancel markers and channel ends of every channel of every gate go to one
 * {@link CheckpointBarrierHandler} (channels numbered gate by gate), which aligns them across all
 * inputs and reports to the {@link CheckpointBarrierListener} from inside {@link #processInput()}.
 */
public final class StreamInputProcessor {
    private final List<InputReader<Object>> readers;
    private final List<DataOutput<Object>> outputs = new ArrayList<>();
    private final boolean[] ended;
    private final WatermarkCombiner[] combiners;
    private final int[] combinerSlot;
    private final int[] inputIndexOfGate;
    private final int[] firstChannelOfGate;
    private final int[] gateOfChannel;
    private final CheckpointBarrierHandler barriers;
    private int next;
    private int remaining;

    /** Without checkpoints: barriers are still aligned but nobody is told. */
    public StreamInputProcessor(List<InputReader<Object>> readers, List<Integer> inputIndices, List<ElementSink<Object>> sinks) {
        this(readers, inputIndices, sinks, CheckpointBarrierListener.IGNORE);
    }

    /**
     * @param readers one per gate
     * @param inputIndices the logical head input each gate feeds
     * @param sinks head inputs by logical input index
     * @param barrierListener told when barriers are aligned or a checkpoint is aborted (task thread)
     */
    public StreamInputProcessor(List<InputReader<Object>> readers, List<Integer> inputIndices, List<ElementSink<Object>> sinks,
            CheckpointBarrierListener barrierListener) {
        this(readers, inputIndices, sinks, barrierListener, System::nanoTime);
    }

    StreamInputProcessor(List<InputReader<Object>> readers, List<Integer> inputIndices, List<ElementSink<Object>> sinks,
            CheckpointBarrierListener barrierListener, LongSupplier nanoClock) {
        this.readers = List.copyOf(readers);
        this.firstChannelOfGate = new int[readers.size() + 1];
        for (int g = 0; g < readers.size(); g++) {
            firstChannelOfGate[g + 1] = firstChannelOfGate[g] + readers.get(g).getNumberOfChannels();
        }
        int totalChannels = firstChannelOfGate[readers.size()];
        this.gateOfChannel = new int[totalChannels];
        for (int g = 0; g < readers.size(); g++) {
            Arrays.fill(gateOfChannel, firstChannelOfGate[g], firstChannelOfGate[g + 1], g);
        }
        this.barriers = new CheckpointBarrierHandler(totalChannels, barrierListener, new CheckpointBarrierHandler.ChannelControl() {
            @Override
            public void block(int channel) {
                int g = gateOfChannel[channel];
                StreamInputProcessor.this.readers.get(g).blockChannel(channel - firstChannelOfGate[g]);
            }

            @Override
            public void unblock(int channel) {
                int g = gateOfChannel[channel];
                StreamInputProcessor.this.readers.get(g).unblockChannel(channel - firstChannelOfGate[g]);
            }
        }, nanoClock);
        this.ended = new boolean[readers.size()];
        this.remaining = readers.size();
        this.combiners = new WatermarkCombiner[sinks.size()];
        this.combinerSlot = new int[readers.size()];
        int[] perInput = new int[sinks.size()];
        for (int g = 0; g < readers.size(); g++) {
            combinerSlot[g] = perInput[inputIndices.get(g)]++;
        }
        for (int i = 0; i < sinks.size(); i++) {
            combiners[i] = new WatermarkCombiner(Math.max(1, perInput[i]), sinks.get(i));
        }
        for (int g = 0; g < readers.size(); g++) {
            outputs.add(new GateOutput(sinks.get(inputIndices.get(g)), combiners[inputIndices.get(g)], combinerSlot[g], barriers,
                    firstChannelOfGate[g]));
        }
        this.inputIndexOfGate = inputIndices.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Emits at most one element from one gate. */
    public InputStatus processInput() throws Exception {
        int n = readers.size();
        for (int k = 0; k < n; k++) {
            int g = (next + k) % n;
            if (ended[g]) {
                continue;
            }
            InputStatus status = readers.get(g).emitNext(outputs.get(g));
            if (status == InputStatus.MORE_AVAILABLE) {
                next = (g + 1) % n;
                return InputStatus.MORE_AVAILABLE;
            }
            if (status == InputStatus.END_OF_INPUT) {
                ended[g] = true;
                remaining--;
                for (int c = firstChannelOfGate[g]; c < firstChannelOfGate[g + 1]; c++) {
                    barriers.onEndOfChannel(c); // readers that do not report channel ends themselves
                }
                combiners[inputIndexOfGate[g]].channelEnded(combinerSlot[g]);
            }
        }
        return remaining == 0 ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
    }

    /** Completes when any gate that has not ended may have data. */
    public CompletableFuture<?> getAvailableFuture() {
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int g = 0; g < readers.size(); g++) {
            if (!ended[g]) {
                CompletableFuture<Void> f = readers.get(g).getAvailableFuture();
                if (f.isDone()) {
                    return f;
                }
                futures.add(f);
            }
        }
        if (futures.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return futures.size() == 1 ? futures.get(0) : CompletableFuture.anyOf(futures.toArray(new CompletableFuture[0]));
    }

    private static final class GateOutput implements DataOutput<Object> {
        private final ElementSink<Object> sink;
        private final WatermarkCombiner combiner;
        private final int slot;
        private final CheckpointBarrierHandler barriers;
        private final int firstChannel;

        GateOutput(ElementSink<Object> sink, WatermarkCombiner combiner, int slot, CheckpointBarrierHandler barriers, int firstChannel) {
            this.sink = sink;
            this.combiner = combiner;
            this.slot = slot;
            this.barriers = barriers;
            this.firstChannel = firstChannel;
        }

        @Override
        public void emitBarrier(int channel, CheckpointBarrier barrier) throws Exception {
            barriers.onBarrier(firstChannel + channel, barrier);
        }

        @Override
        public void emitCancelMarker(int channel, CancelCheckpointMarker marker) throws Exception {
            barriers.onCancelMarker(firstChannel + channel, marker);
        }

        @Override
        public void endOfChannel(int channel) throws Exception {
            barriers.onEndOfChannel(firstChannel + channel);
        }

        @Override
        public void emitRecord(StreamRecord<Object> record) throws Exception {
            sink.processElement(record);
        }

        @Override
        public void emitWatermark(Watermark watermark) throws Exception {
            combiner.update(slot, watermark.getTimestamp());
        }
    }

    /** Minimum watermark over the gates of one logical input. */
    static final class WatermarkCombiner {
        private final long[] marks;
        private final boolean[] done;
        private final ElementSink<Object> sink;
        private long current = Long.MIN_VALUE;

        WatermarkCombiner(int channels, ElementSink<Object> sink) {
            this.marks = new long[channels];
            this.done = new boolean[channels];
            this.sink = sink;
            Arrays.fill(marks, Long.MIN_VALUE);
        }

        void update(int slot, long mark) throws Exception {
            if (mark > marks[slot]) {
                marks[slot] = mark;
                maybeEmit();
            }
        }

        void channelEnded(int slot) throws Exception {
            done[slot] = true;
            maybeEmit();
        }

        private void maybeEmit() throws Exception {
            long min = Long.MAX_VALUE;
            boolean any = false;
            for (int i = 0; i < marks.length; i++) {
                if (!done[i]) {
                    min = Math.min(min, marks[i]);
                    any = true;
                }
            }
            if (any && min > current) {
                current = min;
                sink.processWatermark(new Watermark(min));
            }
        }
    }
}
