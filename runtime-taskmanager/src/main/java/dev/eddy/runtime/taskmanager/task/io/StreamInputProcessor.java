package dev.eddy.runtime.taskmanager.task.io;

import dev.eddy.runtime.taskmanager.network.InputStatus;
import dev.eddy.runtime.taskmanager.network.StreamInputReader.DataOutput;
import dev.eddy.runtime.taskmanager.task.chain.ElementSink;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the head operator's input gates one element at a time, round robin over the gates with
 * data. Several gates feeding the same logical input (a union) have their watermarks combined:
 * the input's watermark is the minimum over its gates that have not ended, forwarded only when it
 * advances. Task thread only.
 */
public final class StreamInputProcessor {
    private final List<InputReader<Object>> readers;
    private final List<DataOutput<Object>> outputs = new ArrayList<>();
    private final boolean[] ended;
    private final WatermarkCombiner[] combiners;
    private final int[] combinerSlot;
    private final int[] inputIndexOfGate;
    private int next;
    private int remaining;

    /**
     * @param readers one per gate
     * @param inputIndices the logical head input each gate feeds
     * @param sinks head inputs by logical input index
     */
    public StreamInputProcessor(List<InputReader<Object>> readers, List<Integer> inputIndices, List<ElementSink<Object>> sinks) {
        this.readers = List.copyOf(readers);
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
            outputs.add(new GateOutput(sinks.get(inputIndices.get(g)), combiners[inputIndices.get(g)], combinerSlot[g]));
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

        GateOutput(ElementSink<Object> sink, WatermarkCombiner combiner, int slot) {
            this.sink = sink;
            this.combiner = combiner;
            this.slot = slot;
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
