package dev.eddy.runtime.taskmanager.task.io;

import dev.eddy.runtime.taskmanager.checkpoint.CancelCheckpointMarker;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointBarrier;
import dev.eddy.runtime.taskmanager.network.InputStatus;
import dev.eddy.runtime.taskmanager.network.StreamInputReader.DataOutput;
import dev.eddy.runtime.taskmanager.task.chain.ElementSink;
import dev.eddy.runtime.taskmanager.watermark.StatusWatermarkValve;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.InputWatermarkProgress;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Reads the head operator's input gates one element at a time, round robin over the gates with
 * data. Each gate's reader merges its channels' watermarks and statuses; several gates feeding the
 * same logical input (a union) are merged again by one {@link StatusWatermarkValve} per input: the
 * input's watermark is the minimum over its active gates that have not ended, forwarded only when
 * it advances, and the input is idle when all its open gates are. Task thread only.
 *
 * <p>With {@link #publishWatermarkProgress} the processor publishes an immutable
 * {@link InputWatermarkProgress} per input (per channel detail) whenever a watermark or status
 * changed anywhere, for diagnostics read by other threads.
 *
 * <p>Checkpoint barriers, cancel markers and channel ends of every channel of every gate go to one
 * {@link CheckpointBarrierHandler} (channels numbered gate by gate), which aligns them across all
 * inputs and reports to the {@link CheckpointBarrierListener} from inside {@link #processInput()}.
 */
public final class StreamInputProcessor {
    private final List<InputReader<Object>> readers;
    private final List<DataOutput<Object>> outputs = new ArrayList<>();
    private final boolean[] ended;
    private final InputValve[] combiners;
    private final int[] combinerSlot;
    private final int[] inputIndexOfGate;
    private final int[] firstChannelOfGate;
    private final int[] gateOfChannel;
    private final CheckpointBarrierHandler barriers;
    private int next;
    private int remaining;
    private Consumer<List<InputWatermarkProgress>> progressSink;
    private List<List<String>> channelNames;
    private long[] seenReaderVersions;
    private long seenValveVersions = -1;

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
        this.combiners = new InputValve[sinks.size()];
        this.combinerSlot = new int[readers.size()];
        int[] perInput = new int[sinks.size()];
        for (int g = 0; g < readers.size(); g++) {
            combinerSlot[g] = perInput[inputIndices.get(g)]++;
        }
        for (int i = 0; i < sinks.size(); i++) {
            combiners[i] = new InputValve(Math.max(1, perInput[i]), sinks.get(i));
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
            if (progressSink != null) {
                publishIfChanged();
            }
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
                if (progressSink != null) {
                    publishIfChanged();
                }
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
        private final InputValve combiner;
        private final int slot;
        private final CheckpointBarrierHandler barriers;
        private final int firstChannel;

        GateOutput(ElementSink<Object> sink, InputValve combiner, int slot, CheckpointBarrierHandler barriers, int firstChannel) {
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

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) throws Exception {
            combiner.status(slot, status);
        }
    }

    /** Merges the gates of one logical input with a valve and drives the head input with the result. */
    static final class InputValve implements StatusWatermarkValve.ValveOutput {
        private final StatusWatermarkValve valve;
        private final ElementSink<Object> sink;

        InputValve(int gates, ElementSink<Object> sink) {
            this.valve = new StatusWatermarkValve(gates);
            this.sink = sink;
        }

        void update(int slot, long mark) throws Exception {
            valve.inputWatermark(mark, slot, this);
        }

        void status(int slot, WatermarkStatus status) throws Exception {
            valve.inputWatermarkStatus(status, slot, this);
        }

        void channelEnded(int slot) throws Exception {
            valve.channelFinished(slot, this);
        }

        @Override
        public void emitWatermark(long timestamp) throws Exception {
            sink.processWatermark(timestamp == Long.MAX_VALUE ? Watermark.MAX_WATERMARK : new Watermark(timestamp));
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) throws Exception {
            sink.processWatermarkStatus(status);
        }
    }

    // ------------------------------------------------------------------ diagnostics

    /**
     * Publishes the watermark progress of every logical input to {@code sink} now and after every
     * change (task thread; {@code sink} must be cheap, e.g. a volatile write). Call before the first
     * {@link #processInput()}.
     *
     * @param channelNamesPerGate per gate, a name per channel (e.g. the producer's partition id);
     *        missing names are shown as "gate g channel c"
     */
    public void publishWatermarkProgress(Consumer<List<InputWatermarkProgress>> sink, List<List<String>> channelNamesPerGate) {
        this.progressSink = sink;
        this.channelNames = channelNamesPerGate == null ? List.of() : channelNamesPerGate;
        this.seenReaderVersions = new long[readers.size()];
        Arrays.fill(seenReaderVersions, -1);
        publishIfChanged();
    }

    private void publishIfChanged() {
        boolean changed = false;
        for (int g = 0; g < readers.size(); g++) {
            StatusWatermarkValve v = readers.get(g).getWatermarkValve();
            long version = v == null ? 0 : v.version();
            if (version != seenReaderVersions[g]) {
                seenReaderVersions[g] = version;
                changed = true;
            }
        }
        long valveVersions = 0;
        for (InputValve c : combiners) {
            valveVersions += c.valve.version(); // versions only grow: the sum changes whenever one does
        }
        if (valveVersions != seenValveVersions) {
            seenValveVersions = valveVersions;
            changed = true;
        }
        if (changed) {
            progressSink.accept(snapshotProgress());
        }
    }

    /** The current progress of every logical input. Task thread. */
    public List<InputWatermarkProgress> snapshotProgress() {
        List<InputWatermarkProgress> result = new ArrayList<>(combiners.length);
        for (int i = 0; i < combiners.length; i++) {
            List<InputWatermarkProgress.ChannelProgress> channels = new ArrayList<>();
            for (int g = 0; g < readers.size(); g++) {
                if (inputIndexOfGate[g] != i) {
                    continue;
                }
                StatusWatermarkValve gateValve = readers.get(g).getWatermarkValve();
                StatusWatermarkValve inputValve = combiners[i].valve;
                int slot = combinerSlot[g];
                if (gateValve == null) {
                    channels.add(new InputWatermarkProgress.ChannelProgress(channelName(g, 0), inputValve.getChannelWatermark(slot),
                            inputValve.isChannelIdle(slot), inputValve.isChannelFinished(slot)));
                    continue;
                }
                for (int c = 0; c < gateValve.getNumberOfChannels(); c++) {
                    channels.add(new InputWatermarkProgress.ChannelProgress(channelName(g, c), gateValve.getChannelWatermark(c),
                            gateValve.isChannelIdle(c), gateValve.isChannelFinished(c) || ended[g]));
                }
            }
            result.add(new InputWatermarkProgress("input " + i, combiners[i].valve.getCurrentWatermark(), combiners[i].valve.isIdle(),
                    channels));
        }
        return List.copyOf(result);
    }

    private String channelName(int gate, int channel) {
        if (gate < channelNames.size() && channel < channelNames.get(gate).size()) {
            return channelNames.get(gate).get(channel);
        }
        return "gate " + gate + " channel " + channel;
    }
}
