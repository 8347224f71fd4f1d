package dev.eddy.runtime.taskmanager.task.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.runtime.taskmanager.checkpoint.CheckpointBarrier;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions;
import dev.eddy.runtime.taskmanager.network.InMemoryInputGate;
import dev.eddy.runtime.taskmanager.network.InputStatus;
import dev.eddy.runtime.taskmanager.task.chain.ElementSink;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Barrier alignment through {@link StreamInputProcessor} over in-memory gates whose 40-byte buffers
 * hold a few elements each, so a barrier usually sits in the middle of a buffer.
 */
class BarrierAlignmentTest {
    private static final int BUFFER = 40;
    private final List<String> log = new ArrayList<>();
    private final List<InMemoryInputGate> gates = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private final List<Long> alignments = new ArrayList<>();

    @AfterEach
    void closeGates() {
        gates.forEach(InMemoryInputGate::close);
    }

    static CheckpointBarrier barrier(long id, boolean exactlyOnce) {
        return new CheckpointBarrier(id, 1000 + id, new CheckpointOptions(false, exactlyOnce, Path.of("/tmp/chk-" + id),
                Path.of("/tmp/shared"), false));
    }

    private InMemoryInputGate gate(int channels) {
        InMemoryInputGate g = new InMemoryInputGate(channels, BUFFER, new LongSerializer());
        gates.add(g);
        return g;
    }

    private final CheckpointBarrierListener listener = new CheckpointBarrierListener() {
        @Override
        public void onBarrierComplete(CheckpointBarrier barrier, long alignmentNanos) {
            log.add("complete " + barrier.id());
            alignments.add(alignmentNanos);
        }

        @Override
        public void onCheckpointAborted(long checkpointId, String reason) {
            log.add("abort " + checkpointId + ": " + reason);
        }
    };

    private ElementSink<Object> sink(String input) {
        return new ElementSink<>() {
            @Override
            public void processElement(StreamRecord<Object> record) {
                clock.addAndGet(10);
                log.add(input + record.getValue());
            }

            @Override
            public void processWatermark(Watermark mark) {
                log.add(input + "W" + mark.getTimestamp());
            }
        };
    }

    /** One logical input fed by the given gates. */
    private StreamInputProcessor processor(InMemoryInputGate... gs) {
        List<InputReader<Object>> readers = new ArrayList<>();
        List<Integer> inputs = new ArrayList<>();
        for (InMemoryInputGate g : gs) {
            readers.add(NetworkIOFactory.NETWORK.createReader(g, (dev.eddy.api.common.typeutils.TypeSerializer) new LongSerializer()));
            inputs.add(0);
        }
        return new StreamInputProcessor(readers, inputs, List.of(sink("")), listener, clock::get);
    }

    private static InputStatus drain(StreamInputProcessor p) throws Exception {
        InputStatus s;
        int guard = 0;
        while ((s = p.processInput()) == InputStatus.MORE_AVAILABLE) {
            if (++guard > 100_000) {
                throw new AssertionError("input never ran dry");
            }
        }
        return s;
    }

    private int indexOf(String entry) {
        int i = log.indexOf(entry);
        assertThat(i).as("%s in %s", entry, log).isGreaterThanOrEqualTo(0);
        return i;
    }

    @Test
    void exactlyOnceHoldsBackTheBlockedChannelUntilEveryChannelDeliveredTheBarrier() throws Exception {
        InMemoryInputGate g = gate(2);
        g.record(0, 1).record(0, 2).barrier(0, barrier(7, true));
        for (int i = 3; i < 10; i++) {
            g.record(0, i);
        }
        for (int i = 101; i < 110; i++) {
            g.record(1, i);
        }
        StreamInputProcessor p = processor(g);

        assertThat(drain(p)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(log).containsExactlyInAnyOrder("1", "2", "101", "102", "103", "104", "105", "106", "107", "108", "109");
        assertThat(g.isBlocked(0)).isTrue();
        assertThat(p.getAvailableFuture()).isNotDone();

        g.barrier(1, barrier(7, true)).record(1, 110).end(0).end(1);
        assertThat(p.getAvailableFuture()).isDone();
        assertThat(drain(p)).isEqualTo(InputStatus.END_OF_INPUT);

        int complete = indexOf("complete 7");
        assertThat(log.subList(0, complete)).doesNotContain("3", "4", "5", "6", "7", "8", "9");
        assertThat(log.subList(complete, log.size())).contains("3", "4", "5", "6", "7", "8", "9", "110");
        assertThat(log.subList(complete, log.size()).stream().filter(e -> e.length() == 1).toList())
                .as("the parked rest of the buffer comes first, in order").containsExactly("3", "4", "5", "6", "7", "8", "9");
        assertThat(g.isBlocked(0)).isFalse();
        assertThat(log).filteredOn(e -> e.startsWith("complete") || e.startsWith("abort")).containsExactly("complete 7");
    }

    @Test
    void twoGatesOfATwoInputTaskAlignTogether() throws Exception {
        InMemoryInputGate left = gate(1);
        InMemoryInputGate right = gate(1);
        left.record(0, 1).barrier(0, barrier(3, true)).record(0, 2).record(0, 3);
        right.record(0, 11).record(0, 12);
        List<InputReader<Object>> readers = List.of(
                NetworkIOFactory.NETWORK.createReader(left, (dev.eddy.api.common.typeutils.TypeSerializer) new LongSerializer()),
                NetworkIOFactory.NETWORK.createReader(right, (dev.eddy.api.common.typeutils.TypeSerializer) new LongSerializer()));
        StreamInputProcessor p = new StreamInputProcessor(readers, List.of(0, 1), List.of(sink("L"), sink("R")), listener, clock::get);

        drain(p);
        assertThat(log).containsExactly("L1", "R11", "R12");
        assertThat(left.isBlocked(0)).isTrue();

        right.barrier(0, barrier(3, true)).record(0, 13);
        drain(p);
        assertThat(log).containsExactly("L1", "R11", "R12", "complete 3", "L2", "R13", "L3");
    }

    @Test
    void aChannelThatEndsDuringAlignmentCountsAsAligned() throws Exception {
        InMemoryInputGate g = gate(3);
        g.barrier(0, barrier(1, true)).record(0, 5);
        g.record(1, 20).end(1);
        StreamInputProcessor p = processor(g);
        drain(p);
        assertThat(log).containsExactly("20");

        g.barrier(2, barrier(1, true)).record(2, 30);
        drain(p);
        assertThat(log.subList(0, 2)).containsExactly("20", "complete 1");
        assertThat(log.subList(2, log.size())).containsExactlyInAnyOrder("5", "30");
    }

    @Test
    void theLastChannelEndingCompletesTheAlignment() throws Exception {
        InMemoryInputGate g = gate(2);
        g.barrier(0, barrier(1, true)).record(0, 5).end(0);
        g.record(1, 20);
        StreamInputProcessor p = processor(g);
        drain(p);
        assertThat(log).containsExactly("20");
        g.end(1);
        assertThat(drain(p)).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(log).containsExactly("20", "complete 1", "5");
    }

    @Test
    void aNewerBarrierOvertakesTheAlignmentAndIsAlignedInstead() throws Exception {
        InMemoryInputGate g = gate(2);
        g.barrier(0, barrier(1, true)).record(0, 5).barrier(0, barrier(2, true)).record(0, 6);
        g.record(1, 20);
        StreamInputProcessor p = processor(g);
        drain(p);
        assertThat(log).containsExactly("20");

        g.barrier(1, barrier(2, true)).record(1, 21);
        drain(p);
        assertThat(log.get(1)).startsWith("abort 1: ").contains("overtaken by checkpoint 2");
        // channel 0 is released by the abort, delivers 5 and then barrier 2, which completes checkpoint 2
        assertThat(log.subList(2, 4)).containsExactly("5", "complete 2");
        assertThat(log.subList(4, log.size())).containsExactlyInAnyOrder("21", "6");

        g.barrier(1, barrier(1, true)).barrier(0, barrier(1, true)).record(0, 7).record(1, 22);
        drain(p);
        assertThat(log.subList(6, log.size())).as("stale barriers are ignored and block nothing").containsExactlyInAnyOrder("7", "22");
        assertThat(g.isBlocked(0) || g.isBlocked(1)).isFalse();
    }

    @Test
    void aCancelMarkerAbortsTheAlignmentAndReleasesTheChannels() throws Exception {
        InMemoryInputGate g = gate(2);
        g.barrier(0, barrier(4, true)).record(0, 5);
        g.record(1, 20);
        StreamInputProcessor p = processor(g);
        drain(p);
        assertThat(log).containsExactly("20");

        g.cancel(1, 4).record(1, 21).barrier(1, barrier(4, true)).record(1, 22);
        drain(p);
        assertThat(log.get(1)).startsWith("abort 4: ").contains("cancel marker");
        assertThat(log.subList(2, log.size())).containsExactlyInAnyOrder("5", "21", "22");
        assertThat(g.isBlocked(0)).isFalse();
        assertThat(g.isBlocked(1)).isFalse();
    }

    @Test
    void aCancelMarkerForANewerCheckpointAbortsBothAndItsBarriersAreIgnored() throws Exception {
        InMemoryInputGate g = gate(2);
        g.barrier(0, barrier(4, true)).record(0, 5);
        StreamInputProcessor p = processor(g);
        drain(p);
        assertThat(log).isEmpty();
        assertThat(g.isBlocked(0)).isTrue();
        g.cancel(1, 5);
        drain(p);
        assertThat(log).hasSize(3);
        assertThat(log.get(0)).startsWith("abort 4: ");
        assertThat(log.get(1)).startsWith("abort 5: ");
        assertThat(log.get(2)).isEqualTo("5");
        g.barrier(0, barrier(5, true)).barrier(1, barrier(5, true)).record(0, 6);
        drain(p);
        assertThat(log.subList(3, log.size())).containsExactly("6");
    }

    @Test
    void atLeastOnceNeverBlocksAndCompletesOnTheLastBarrier() throws Exception {
        InMemoryInputGate g = gate(2);
        g.barrier(0, barrier(1, false)).record(0, 5).record(0, 6);
        g.record(1, 20);
        StreamInputProcessor p = processor(g);
        drain(p);
        assertThat(log).containsExactlyInAnyOrder("5", "6", "20");
        assertThat(g.isBlocked(0)).isFalse();

        g.barrier(1, barrier(1, false)).record(1, 21);
        drain(p);
        assertThat(log.subList(3, log.size())).containsExactly("complete 1", "21");
    }

    @Test
    void aSingleChannelCompletesOnTheBarrierItself() throws Exception {
        InMemoryInputGate g = gate(1);
        g.record(0, 1).barrier(0, barrier(9, true)).record(0, 2);
        drain(processor(g));
        assertThat(log).containsExactly("1", "complete 9", "2");
        assertThat(alignments).containsExactly(0L);
    }

    @Test
    void alignmentTimeRunsFromTheFirstBarrierToTheLast() throws Exception {
        InMemoryInputGate g = gate(2);
        g.barrier(0, barrier(1, true));
        StreamInputProcessor p = processor(g);
        drain(p);
        g.record(1, 20).record(1, 21).record(1, 22).barrier(1, barrier(1, true));
        drain(p);
        // the sink advances the clock by 10 per record: three records between the barriers
        assertThat(log).containsExactly("20", "21", "22", "complete 1");
        assertThat(alignments).containsExactly(30L);
    }

    @Test
    void watermarksOfABlockedChannelHoldTheMergedWatermarkUntilItIsReleased() throws Exception {
        InMemoryInputGate g = gate(2);
        g.watermark(0, 10).barrier(0, barrier(1, true)).watermark(0, 50);
        g.watermark(1, 20).watermark(1, 30);
        StreamInputProcessor p = processor(g);
        drain(p);
        assertThat(log).containsExactly("W10");

        g.barrier(1, barrier(1, true)).watermark(1, 60);
        drain(p);
        // channel 1 reached 30 and then 60 meanwhile, but blocked channel 0 held the merged watermark at 10
        assertThat(log).containsExactly("W10", "complete 1", "W50");
    }

    @Test
    void closingTheGateWhileAligningReturnsTheParkedBuffer() throws Exception {
        InMemoryInputGate g = gate(2);
        g.barrier(0, barrier(1, true)).record(0, 5).record(0, 6);
        g.record(1, 20);
        drain(processor(g));
        assertThat(g.isBlocked(0)).isTrue();
        assertThat(g.buffersInUse()).isPositive();
        g.close();
        gates.remove(g);
        assertThat(g.buffersInUse()).isZero();
    }
}
