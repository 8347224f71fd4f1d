package dev.eddy.runtime.taskmanager.network;

import static dev.eddy.runtime.taskmanager.network.NetworkTestSupport.channel;
import static dev.eddy.runtime.taskmanager.network.NetworkTestSupport.config;
import static dev.eddy.runtime.taskmanager.network.NetworkTestSupport.env;
import static dev.eddy.runtime.taskmanager.network.NetworkTestSupport.readToEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.runtime.taskmanager.network.NetworkTestSupport.Collector;
import dev.eddy.runtime.taskmanager.network.TestSerializers.BytesSerializer;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Element wire format, spanning records, watermarks and end of input over in-memory (local) channels. */
class LocalTransferTest {
    private static final int SEGMENT = 128;
    private NettyShuffleEnvironment env;

    @BeforeEach
    void setUp() {
        env = env(config(SEGMENT, 256 * SEGMENT), "tm-local");
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    @Test
    void recordsSpanningOneToManyBuffersArriveIntactAndInOrder() throws Exception {
        ResultPartitionWriter partition = env.createResultPartition("p-span", 1, "producer");
        RecordWriter<byte[]> writer = new RecordWriter<>(partition, new BytesSerializer());
        InputGate gate = env.createInputGate("consumer", List.of(channel(env, "p-span", 0)));
        StreamInputReader<byte[]> reader = new StreamInputReader<>(gate, new BytesSerializer());
        Collector<byte[]> out = new Collector<>();

        Random random = new Random(42);
        List<byte[]> sent = new ArrayList<>();
        // sizes from empty to ~12 buffers, interleaved with flushes and watermarks so elements start at odd offsets
        int[] sizes = {0, 1, 2, 3, 50, SEGMENT - 9, SEGMENT - 8, SEGMENT, SEGMENT + 1, 3 * SEGMENT, 12 * SEGMENT + 7, 5, 0};
        Thread producer = new Thread(() -> {
            try {
                for (int round = 0; round < 20; round++) {
                    for (int size : sizes) {
                        byte[] b = new byte[size];
                        random.nextBytes(b);
                        synchronized (sent) {
                            sent.add(b);
                        }
                        if (size % 2 == 0) {
                            writer.emit(new StreamRecord<>(b, round * 1000L + size), 0);
                        } else {
                            writer.emit(new StreamRecord<>(b), 0);
                        }
                        if (size % 3 == 0) {
                            writer.flushAll();
                        }
                    }
                }
                writer.finish();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        producer.start();
        readToEnd(reader, out, 10_000);
        producer.join();

        assertThat(out.values).hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            assertThat(out.values.get(i)).as("record %d", i).isEqualTo(sent.get(i));
            StreamRecord<?> r = (StreamRecord<?>) out.elements.get(i);
            assertThat(r.hasTimestamp()).isEqualTo(sent.get(i).length % 2 == 0);
        }
        gate.close();
        partition.release();
        assertNoBuffersInUse();
    }

    @Test
    void flushAllDeliversPartialBuffersAndIsNeededForThem() throws Exception {
        ResultPartitionWriter partition = env.createResultPartition("p-flush", 1, "producer");
        RecordWriter<Long> writer = new RecordWriter<>(partition, new LongSerializer());
        InputGate gate = env.createInputGate("consumer", List.of(channel(env, "p-flush", 0)));
        StreamInputReader<Long> reader = new StreamInputReader<>(gate, new LongSerializer());
        Collector<Long> out = new Collector<>();
        awaitNothingAvailable(reader, out);

        writer.emit(new StreamRecord<>(7L), 0);
        assertThat(reader.emitNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        var future = reader.getAvailableFuture();
        assertThat(future).isNotDone();

        writer.flushAll();
        assertThat(future).succeedsWithin(java.time.Duration.ofSeconds(5));
        assertThat(reader.emitNext(out)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(out.values).containsExactly(7L);

        // buffer timeout 0: flush after every record, each one visible at once, same buffer reused
        for (long i = 0; i < 1000; i++) {
            writer.emit(new StreamRecord<>(i), 0);
            writer.flushAll();
            assertThat(reader.emitNext(out)).isEqualTo(InputStatus.MORE_AVAILABLE);
            assertThat(out.values.get(out.values.size() - 1)).isEqualTo(i);
        }
        writer.flushAll(); // nothing new: a no-op
        assertThat(reader.emitNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        writer.finish();
        readToEnd(reader, out, 5_000);
        assertThat(reader.emitNext(out)).isEqualTo(InputStatus.END_OF_INPUT);
        gate.close();
        partition.release();
        assertNoBuffersInUse();
    }

    @Test
    void flushFromAnotherThreadPublishesWhatWasWrittenWithoutTheWriter() throws Exception {
        ResultPartitionWriter partition = env.createResultPartition("p-timer-flush", 1, "producer");
        RecordWriter<Long> writer = new RecordWriter<>(partition, new LongSerializer());
        InputGate gate = env.createInputGate("consumer", List.of(channel(env, "p-timer-flush", 0)));
        StreamInputReader<Long> reader = new StreamInputReader<>(gate, new LongSerializer());
        Collector<Long> out = new Collector<>();
        awaitNothingAvailable(reader, out);

        writer.emit(new StreamRecord<>(11L), 0);
        writer.emit(new StreamRecord<>(12L), 0);
        var future = reader.getAvailableFuture();
        assertThat(future).isNotDone();
        Thread timer = new Thread(writer::flushAllFromAnyThread, "test-timer");
        timer.start();
        timer.join();
        assertThat(future).succeedsWithin(java.time.Duration.ofSeconds(5));
        drain(reader, out);
        assertThat(out.values).containsExactly(11L, 12L);

        writer.flushAllFromAnyThread(); // nothing new: no empty slice, nothing to read
        assertThat(reader.emitNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        writer.emit(new StreamRecord<>(13L), 0);
        writer.flushAll(); // the writer's own flush after a foreign one still publishes only the new bytes
        drain(reader, out);
        assertThat(out.values).containsExactly(11L, 12L, 13L);
        writer.finish();
        readToEnd(reader, out, 5_000);
        gate.close();
        partition.release();
        assertNoBuffersInUse();
    }

    @Test
    void concurrentTimerFlushesWhileTheWriterAppendsLoseAndReorderNothing() throws Exception {
        ResultPartitionWriter partition = env.createResultPartition("p-race", 1, "producer");
        RecordWriter<byte[]> writer = new RecordWriter<>(partition, new BytesSerializer());
        InputGate gate = env.createInputGate("consumer", List.of(channel(env, "p-race", 0)));
        StreamInputReader<byte[]> reader = new StreamInputReader<>(gate, new BytesSerializer());
        Collector<byte[]> out = new Collector<>();
        int records = 20_000;
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicLong flushes = new java.util.concurrent.atomic.AtomicLong();
        // the flusher publishes mid-element as often as it can: elements must still arrive whole and in order
        Thread flusher = new Thread(() -> {
            while (writing.get()) {
                writer.flushAllFromAnyThread();
                flushes.incrementAndGet();
            }
        }, "test-flusher");
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < records; i++) {
                    writer.emit(new StreamRecord<>(pattern(i)), 0);
                }
                writer.finish();
            } catch (Exception e) {
                throw new RuntimeException(e);
            } finally {
                writing.set(false);
            }
        }, "test-producer");
        flusher.start();
        producer.start();
        readToEnd(reader, out, 30_000);
        producer.join();
        flusher.join();

        assertThat(flushes.get()).isPositive();
        assertThat(out.values).hasSize(records);
        for (int i = 0; i < records; i++) {
            assertThat(out.values.get(i)).as("record %d", i).isEqualTo(pattern(i));
        }
        gate.close();
        partition.release();
        assertNoBuffersInUse();
    }

    /** Record {@code i}: 0 to 3 segments long, bytes derived from {@code i}. */
    static byte[] pattern(int i) {
        byte[] b = new byte[(i * 37) % (3 * SEGMENT + 1)];
        for (int j = 0; j < b.length; j++) {
            b[j] = (byte) (i * 31 + j);
        }
        return b;
    }

    @Test
    void watermarksAreMergedAsMinimumOverChannelsThatHaveNotEnded() throws Exception {
        ResultPartitionWriter p1 = env.createResultPartition("p-wm-1", 1, "producer-1");
        ResultPartitionWriter p2 = env.createResultPartition("p-wm-2", 1, "producer-2");
        RecordWriter<Long> w1 = new RecordWriter<>(p1, new LongSerializer());
        RecordWriter<Long> w2 = new RecordWriter<>(p2, new LongSerializer());
        InputGate gate = env.createInputGate("consumer", List.of(channel(env, "p-wm-1", 0), channel(env, "p-wm-2", 0)));
        StreamInputReader<Long> reader = new StreamInputReader<>(gate, new LongSerializer());
        Collector<Long> out = new Collector<>();

        w1.broadcastWatermark(new Watermark(10));
        w1.flushAll();
        drain(reader, out);
        assertThat(out.watermarks).as("channel 2 has no watermark yet").isEmpty();

        w2.broadcastWatermark(new Watermark(5));
        w2.flushAll();
        drain(reader, out);
        assertThat(out.watermarks).containsExactly(5L);

        w2.broadcastWatermark(new Watermark(8));
        w2.flushAll();
        drain(reader, out);
        assertThat(out.watermarks).containsExactly(5L, 8L);

        w2.broadcastWatermark(new Watermark(7)); // going back on one channel changes nothing
        w2.broadcastWatermark(new Watermark(9));
        w2.flushAll();
        drain(reader, out);
        assertThat(out.watermarks).containsExactly(5L, 8L, 9L);

        w2.broadcastWatermark(new Watermark(20));
        w2.flushAll();
        drain(reader, out);
        assertThat(out.watermarks).containsExactly(5L, 8L, 9L, 10L);

        w2.finish(); // channel 2 ends: counts as +infinity, channel 1 (10) already emitted
        drain(reader, out);
        assertThat(out.watermarks).containsExactly(5L, 8L, 9L, 10L);
        w1.broadcastWatermark(new Watermark(15));
        w1.flushAll();
        drain(reader, out);
        assertThat(out.watermarks).containsExactly(5L, 8L, 9L, 10L, 15L);

        assertThat(reader.emitNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        w1.finish();
        readToEnd(reader, out, 5_000);
        assertThat(reader.emitNext(out)).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(reader.getAvailableFuture()).isDone();
        gate.close();
        p1.release();
        p2.release();
        assertNoBuffersInUse();
    }

    @Test
    void endOfInputOnlyAfterEveryChannelEndedAndRecordsFromAllChannelsInterleave() throws Exception {
        int n = 3;
        List<InputChannelSpec> specs = new ArrayList<>();
        List<RecordWriter<Long>> writers = new ArrayList<>();
        List<ResultPartitionWriter> partitions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ResultPartitionWriter p = env.createResultPartition("p-eoi-" + i, 2, "producer-" + i);
            partitions.add(p);
            writers.add(new RecordWriter<>(p, new LongSerializer()));
            specs.add(channel(env, "p-eoi-" + i, 1));
        }
        InputGate gate = env.createInputGate("consumer", specs);
        StreamInputReader<Long> reader = new StreamInputReader<>(gate, new LongSerializer());
        Collector<Long> out = new Collector<>();
        for (int i = 0; i < n; i++) {
            for (long v = 0; v < 30; v++) {
                writers.get(i).emit(new StreamRecord<>(i * 1000 + v), 1);
                writers.get(i).emit(new StreamRecord<>(-1L), 0); // other subpartition, not read here
            }
            writers.get(i).flushAll();
        }
        writers.get(0).finish();
        writers.get(1).finish();
        drain(reader, out);
        assertThat(out.values).hasSize(90);
        assertThat(reader.emitNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        // per channel order is kept
        for (int i = 0; i < n; i++) {
            final int ch = i;
            assertThat(out.values.stream().filter(v -> v / 1000 == ch).toList()).isSorted().hasSize(30);
        }
        // the first 100 values were not all from one channel (channels take turns)
        assertThat(out.values.subList(0, 30).stream().map(v -> v / 1000).distinct().count()).isGreaterThan(1);
        writers.get(2).finish();
        readToEnd(reader, out, 5_000);
        gate.close();
        partitions.forEach(ResultPartitionWriter::release);
    }

    @Test
    void localChannelWaitsForALateProducer() throws Exception {
        InputGate gate = env.createInputGate("consumer", List.of(channel(env, "p-late", 0)));
        StreamInputReader<Long> reader = new StreamInputReader<>(gate, new LongSerializer());
        Collector<Long> out = new Collector<>();
        Thread.sleep(100);
        ResultPartitionWriter p = env.createResultPartition("p-late", 1, "producer");
        RecordWriter<Long> w = new RecordWriter<>(p, new LongSerializer());
        w.emit(new StreamRecord<>(1L), 0);
        w.finish();
        readToEnd(reader, out, 5_000);
        assertThat(out.values).containsExactly(1L);
        gate.close();
        p.release();
    }

    @Test
    void producerReleaseMidStreamFailsTheLocalConsumerWithTheReason() throws Exception {
        ResultPartitionWriter p = env.createResultPartition("p-fail", 1, "failing-producer");
        RecordWriter<Long> w = new RecordWriter<>(p, new LongSerializer());
        InputGate gate = env.createInputGate("consumer", List.of(channel(env, "p-fail", 0)));
        StreamInputReader<Long> reader = new StreamInputReader<>(gate, new LongSerializer());
        Collector<Long> out = new Collector<>();
        for (long i = 0; i < 10; i++) {
            w.emit(new StreamRecord<>(i), 0);
        }
        w.flushAll();
        drain(reader, out);
        assertThat(out.values).hasSize(10);
        p.release(); // not finished: a failure or cancel
        assertThatThrownBy(() -> readToEnd(reader, out, 5_000))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("p-fail")
                .hasMessageContaining("released by its producer");
        assertThatThrownBy(() -> w.emit(new StreamRecord<>(1L), 0)).isInstanceOf(IOException.class);
        gate.close();
        assertNoBuffersInUse();
    }

    @Test
    void duplicatePartitionIdIsRejected() {
        ResultPartitionWriter p = env.createResultPartition("p-dup", 1, "a");
        assertThatThrownBy(() -> env.createResultPartition("p-dup", 1, "b")).hasMessageContaining("already registered");
        p.release();
    }

    private void assertNoBuffersInUse() {
        var pool = env.getNetworkBufferPool();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> pool.getNumberOfFreeSegments() == pool.getTotalSegments());
    }

    static <T> void awaitNothingAvailable(StreamInputReader<T> reader, Collector<T> out) throws Exception {
        reader.getAvailableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(reader.emitNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
    }

    /** Reads everything available now (local channels publish synchronously). */
    static <T> void drain(StreamInputReader<T> reader, Collector<T> out) throws Exception {
        while (reader.emitNext(out) == InputStatus.MORE_AVAILABLE) {
            // keep reading
        }
    }
}
