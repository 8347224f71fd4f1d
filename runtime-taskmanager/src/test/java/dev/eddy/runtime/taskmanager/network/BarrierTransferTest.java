package dev.eddy.runtime.taskmanager.network;

import static dev.eddy.runtime.taskmanager.network.NetworkTestSupport.channel;
import static dev.eddy.runtime.taskmanager.network.NetworkTestSupport.config;
import static dev.eddy.runtime.taskmanager.network.NetworkTestSupport.env;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.runtime.taskmanager.checkpoint.CancelCheckpointMarker;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointBarrier;
import dev.eddy.runtime.taskmanager.checkpoint.CheckpointOptions;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checkpoint barriers and cancel markers crossing a real Netty connection between two data planes. */
class BarrierTransferTest {
    private NettyShuffleEnvironment producerTm;
    private NettyShuffleEnvironment consumerTm;

    @BeforeEach
    void setUp() {
        producerTm = env(config(256, 1024 * 1024), "tm-producer");
        consumerTm = env(config(256, 1024 * 1024), "tm-consumer");
    }

    @AfterEach
    void tearDown() {
        consumerTm.close();
        producerTm.close();
    }

    /** Records what the reader emits, barriers and markers included. */
    private static class EventLog implements StreamInputReader.DataOutput<Long> {
        final List<Object> events = new ArrayList<>();

        @Override
        public void emitRecord(StreamRecord<Long> record) {
            events.add(record.getValue());
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            events.add(watermark);
        }

        @Override
        public void emitBarrier(int channel, CheckpointBarrier barrier) {
            events.add(barrier);
        }

        @Override
        public void emitCancelMarker(int channel, CancelCheckpointMarker marker) {
            events.add(marker);
        }

        @Override
        public void endOfChannel(int channel) {
            events.add("end " + channel);
        }
    }

    private static void readUntil(StreamInputReader<Long> reader, EventLog out, Object expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!out.events.contains(expected)) {
            InputStatus s = reader.emitNext(out);
            if (s == InputStatus.END_OF_INPUT) {
                break;
            }
            if (s == InputStatus.NOTHING_AVAILABLE && !out.events.contains(expected)) {
                long left = deadline - System.nanoTime();
                assertThat(left).as("%s did not arrive in time; got %s", expected, out.events).isPositive();
                try {
                    reader.getAvailableFuture().get(left, TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError(expected + " did not arrive in time; got " + out.events, e);
                }
            }
        }
    }

    @Test
    void barrierTravelsInOrderWithRecordsAndWithoutAnExplicitFlush() throws Exception {
        ResultPartitionWriter partition = producerTm.createResultPartition("p-barrier", 1, "producer");
        RecordWriter<Long> writer = new RecordWriter<>(partition, new LongSerializer());
        InputGate gate = consumerTm.createInputGate("consumer", List.of(channel(producerTm, "p-barrier", 0)));
        StreamInputReader<Long> reader = new StreamInputReader<>(gate, new LongSerializer());
        EventLog out = new EventLog();
        CheckpointBarrier barrier = new CheckpointBarrier(3, 12345L,
                new CheckpointOptions(false, true, Path.of("/ckpt/job/chk-3"), Path.of("/ckpt/job/shared"), false));
        try {
            for (long i = 0; i < 100; i++) {
                writer.emit(new StreamRecord<>(i), 0);
            }
            writer.broadcastBarrier(barrier);
            // nothing else is written or flushed: the barrier must arrive on its own
            readUntil(reader, out, barrier);
            List<Object> expected = new ArrayList<>();
            for (long i = 0; i < 100; i++) {
                expected.add(i);
            }
            expected.add(barrier);
            assertThat(out.events).containsExactlyElementsOf(expected);
            assertThat(((CheckpointBarrier) out.events.get(100)).options()).isEqualTo(barrier.options());

            writer.emit(new StreamRecord<>(100L), 0);
            writer.broadcastCancelMarker(new CancelCheckpointMarker(3));
            readUntil(reader, out, new CancelCheckpointMarker(3));
            writer.finish();
            readUntil(reader, out, "end 0");
            assertThat(out.events.subList(101, out.events.size())).containsExactly(100L, new CancelCheckpointMarker(3), "end 0");
        } finally {
            reader.close();
            gate.close();
            partition.release();
        }
    }

    @Test
    void aBlockedRemoteChannelHoldsItsDataUntilUnblocked() throws Exception {
        ResultPartitionWriter p0 = producerTm.createResultPartition("p-a", 1, "producer-a");
        ResultPartitionWriter p1 = producerTm.createResultPartition("p-b", 1, "producer-b");
        RecordWriter<Long> w0 = new RecordWriter<>(p0, new LongSerializer());
        RecordWriter<Long> w1 = new RecordWriter<>(p1, new LongSerializer());
        InputGate gate = consumerTm.createInputGate("consumer", List.of(channel(producerTm, "p-a", 0), channel(producerTm, "p-b", 0)));
        StreamInputReader<Long> reader = new StreamInputReader<>(gate, new LongSerializer());
        CheckpointBarrier barrier = new CheckpointBarrier(1, 0, new CheckpointOptions(false, true, Path.of("/c"), null, false));
        EventLog out = new EventLog() {
            @Override
            public void emitBarrier(int channel, CheckpointBarrier b) {
                super.emitBarrier(channel, b);
                reader.blockChannel(channel);
            }
        };
        try {
            w0.emit(new StreamRecord<>(1L), 0);
            w0.broadcastBarrier(barrier);
            for (long i = 2; i < 60; i++) {
                w0.emit(new StreamRecord<>(i), 0); // spans several 256-byte buffers
            }
            w0.finish();
            for (long i = 1000; i < 1060; i++) {
                w1.emit(new StreamRecord<>(i), 0);
            }
            w1.finish();

            readUntil(reader, out, "end 1");
            assertThat(out.events).contains(1L, barrier, 1000L, 1059L).doesNotContain(2L, "end 0");
            assertThat(reader.isBlocked(0)).isTrue();
            assertThat(reader.emitNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);

            reader.unblockChannel(0);
            readUntil(reader, out, "end 0");
            List<Object> channel0 = out.events.stream().filter(e -> e instanceof Long l && l < 1000).toList();
            List<Object> expected = new ArrayList<>();
            for (long i = 1; i < 60; i++) {
                expected.add(i);
            }
            assertThat(channel0).containsExactlyElementsOf(expected);
        } finally {
            reader.close();
            gate.close();
            p0.release();
            p1.release();
        }
    }

    @Test
    void closingALocalGateWhileAChannelIsBlockedReturnsEveryBuffer() throws Exception {
        int total = producerTm.getNetworkBufferPool().getTotalSegments();
        ResultPartitionWriter partition = producerTm.createResultPartition("p-local", 2, "producer");
        RecordWriter<Long> writer = new RecordWriter<>(partition, new LongSerializer());
        InputGate gate = producerTm.createInputGate("consumer", List.of(channel(producerTm, "p-local", 0), channel(producerTm, "p-local", 1)));
        StreamInputReader<Long> reader = new StreamInputReader<>(gate, new LongSerializer());
        CheckpointBarrier barrier = new CheckpointBarrier(1, 0, new CheckpointOptions(false, true, Path.of("/c"), null, false));
        EventLog out = new EventLog() {
            @Override
            public void emitBarrier(int channel, CheckpointBarrier b) {
                super.emitBarrier(channel, b);
                if (channel == 0) {
                    reader.blockChannel(channel);
                }
            }
        };
        writer.emit(new StreamRecord<>(1L), 0);
        writer.broadcastBarrier(barrier);
        for (long i = 2; i < 40; i++) {
            writer.emit(new StreamRecord<>(i), 0);
            writer.emit(new StreamRecord<>(1000 + i), 1);
        }
        writer.flushAll();
        readUntil(reader, out, 1039L);
        assertThat(out.events).contains(1L, barrier).doesNotContain(2L);
        assertThat(reader.isBlocked(0)).isTrue();

        gate.close();
        partition.release();
        assertThat(producerTm.getNetworkBufferPool().getNumberOfFreeSegments()).isEqualTo(total);
    }
}
