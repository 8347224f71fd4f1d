package dev.eddy.runtime.taskmanager.network;

import static dev.eddy.runtime.taskmanager.network.NetworkTestSupport.channel;
import static dev.eddy.runtime.taskmanager.network.NetworkTestSupport.config;
import static dev.eddy.runtime.taskmanager.network.NetworkTestSupport.env;
import static dev.eddy.runtime.taskmanager.network.NetworkTestSupport.readToEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.runtime.taskmanager.network.NetworkTestSupport.Collector;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import dev.eddy.runtime.taskmanager.network.netty.NettyProtocol;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two data planes on 127.0.0.1 exchanging records over Netty. */
class NettyTransferTest {
    private NettyShuffleEnvironment producerTm;
    private NettyShuffleEnvironment consumerTm;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void setUp() {
        producerTm = env(config(32 * 1024, 8 * 1024 * 1024), "tm-producer");
        consumerTm = env(config(32 * 1024, 8 * 1024 * 1024), "tm-consumer");
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
        consumerTm.close();
        producerTm.close();
    }

    @Test
    void oneMillionRecordsTwoProducersTimesTwoConsumers() throws Exception {
        int producers = 2;
        int consumers = 2;
        int perChannel = 250_000;
        List<Future<?>> running = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            ResultPartitionWriter partition = producerTm.createResultPartition("big-" + p, consumers, "producer-" + p);
            final long base = p * 1_000_000_000L;
            running.add(threads.submit(() -> {
                RecordWriter<Long> writer = new RecordWriter<>(partition, new LongSerializer());
                StreamRecord<Long> rec = new StreamRecord<>(0L);
                for (int i = 0; i < perChannel; i++) {
                    for (int c = 0; c < consumers; c++) {
                        writer.emit(rec.replace(base + c * 10_000_000L + i, i), c);
                    }
                }
                writer.finish();
                partition.release();
                return null;
            }));
        }
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            List<InputChannelSpec> specs = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                specs.add(channel(producerTm, "big-" + p, c));
            }
            InputGate gate = consumerTm.createInputGate("consumer-" + c, specs);
            final int consumer = c;
            results.add(threads.submit(() -> {
                long[] next = new long[producers];
                long[] count = new long[1];
                StreamInputReader<Long> reader = new StreamInputReader<>(gate, new LongSerializer());
                readToEnd(reader, new StreamInputReader.DataOutput<>() {
                    @Override
                    public void emitRecord(StreamRecord<Long> record) {
                        long v = record.getValue();
                        int p = (int) (v / 1_000_000_000L);
                        long rest = v % 1_000_000_000L;
                        if (rest / 10_000_000L != consumer || rest % 10_000_000L != next[p] || record.getTimestamp() != next[p]) {
                            throw new AssertionError("consumer " + consumer + " got " + v + " from producer " + p + ", expected seq " + next[p]);
                        }
                        next[p]++;
                        count[0]++;
                    }

                    @Override
                    public void emitWatermark(dev.eddy.streaming.api.watermark.Watermark watermark) {}
                }, 60_000);
                gate.close();
                return new long[] {count[0], next[0], next[1]};
            }));
        }
        long start = System.nanoTime();
        for (Future<?> f : running) {
            f.get();
        }
        long total = 0;
        for (Future<long[]> f : results) {
            long[] r = f.get();
            assertThat(r[1]).isEqualTo(perChannel);
            assertThat(r[2]).isEqualTo(perChannel);
            total += r[0];
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(total).isEqualTo(1_000_000L);
        System.out.printf("1M records over Netty in %d ms (%.1f M records/s)%n", millis, 1000.0 / Math.max(1, millis));
        assertAllBuffersReturned(producerTm);
        assertAllBuffersReturned(consumerTm);
    }

    @Test
    void timerFlushesFromAnotherThreadWhileWritingDeliverEverythingInOrder() throws Exception {
        ResultPartitionWriter partition = producerTm.createResultPartition("timer-flush", 1, "producer");
        RecordWriter<Long> writer = new RecordWriter<>(partition, new LongSerializer());
        InputGate gate = consumerTm.createInputGate("consumer", List.of(channel(producerTm, "timer-flush", 0)));
        int total = 300_000;
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Future<?> flusher = threads.submit(() -> {
            while (writing.get()) {
                writer.flushAllFromAnyThread(); // small slices, often ending inside a record
            }
            return null;
        });
        Future<?> producer = threads.submit(() -> {
            try {
                for (long i = 0; i < total; i++) {
                    writer.emit(new StreamRecord<>(i), 0);
                }
                writer.finish();
            } finally {
                writing.set(false);
            }
            return null;
        });
        StreamInputReader<Long> reader = new StreamInputReader<>(gate, new LongSerializer());
        long read = readCounting(reader);
        producer.get();
        flusher.get();
        assertThat(read).isEqualTo(total);
        gate.close();
        partition.release();
        assertAllBuffersReturned(producerTm);
        assertAllBuffersReturned(consumerTm);
    }

    @Test
    void slowConsumerBackPressuresProducerWithBoundedMemory() throws Exception {
        ResultPartitionWriter partition = producerTm.createResultPartition("bp", 1, "producer");
        RecordWriter<Long> writer = new RecordWriter<>(partition, new LongSerializer());
        InputGate gate = consumerTm.createInputGate("consumer", List.of(channel(producerTm, "bp", 0)));
        AtomicReference<Long> emitted = new AtomicReference<>(0L);
        int total = 400_000; // 13 bytes each: ~5 MB, far more than the pools below can hold
        Future<?> producer = threads.submit(() -> {
            for (long i = 0; i < total; i++) {
                writer.emit(new StreamRecord<>(i), 0);
                emitted.set(i + 1);
            }
            writer.finish();
            return null;
        });
        // the consumer does not read: the producer must stall
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            long before = emitted.get();
            Thread.sleep(200);
            return emitted.get() == before;
        });
        assertThat(producer).isNotDone();
        assertThat(emitted.get()).isLessThan(total);
        int producerMax = partition instanceof dev.eddy.runtime.taskmanager.network.partition.ResultPartition rp
                ? rp.getBufferPool().getMax() : 0;
        assertThat(producerTm.getNetworkBufferPool().getTotalSegments() - producerTm.getNetworkBufferPool().getNumberOfFreeSegments())
                .isLessThanOrEqualTo(producerMax);
        int gateMax = ((dev.eddy.runtime.taskmanager.network.gate.SingleInputGate) gate).getBufferPool().getMax();
        assertThat(consumerTm.getNetworkBufferPool().getTotalSegments() - consumerTm.getNetworkBufferPool().getNumberOfFreeSegments())
                .isLessThanOrEqualTo(gateMax);

        // now read: everything arrives, in order
        StreamInputReader<Long> reader = new StreamInputReader<>(gate, new LongSerializer());
        long read = readCounting(reader);
        producer.get();
        assertThat(read).isEqualTo(total);
        gate.close();
        partition.release();
        assertAllBuffersReturned(producerTm);
        assertAllBuffersReturned(consumerTm);
    }

    @Test
    void garbageOnTheDataPortClosesOnlyThatConnection() throws Exception {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", producerTm.getDataAddress().getPort());
        // a healthy consumer connection is open before and stays usable
        ResultPartitionWriter before = producerTm.createResultPartition("g-before", 1, "producer");
        InputGate gateBefore = consumerTm.createInputGate("consumer", List.of(channel(producerTm, "g-before", 0)));

        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        assertClosedByServer(address, random);
        assertClosedByServer(address, header(0xCAFEBABE, NettyProtocol.VERSION, NettyProtocol.ADD_CREDIT, 12));
        assertClosedByServer(address, header(NettyProtocol.MAGIC, (byte) 99, NettyProtocol.ADD_CREDIT, 12));
        assertClosedByServer(address, header(NettyProtocol.MAGIC, NettyProtocol.VERSION, (byte) 42, 12));
        assertClosedByServer(address, header(NettyProtocol.MAGIC, NettyProtocol.VERSION, NettyProtocol.PARTITION_REQUEST, 1 << 30));
        assertClosedByServer(address, header(NettyProtocol.MAGIC, NettyProtocol.VERSION, NettyProtocol.PARTITION_REQUEST, 2));

        transfer(before, gateBefore, 10_000);
        ResultPartitionWriter after = producerTm.createResultPartition("g-after", 1, "producer");
        InputGate gateAfter = consumerTm.createInputGate("consumer", List.of(channel(producerTm, "g-after", 0)));
        transfer(after, gateAfter, 10_000);
    }

    @Test
    void producerReleaseMidStreamFailsTheRemoteConsumerNamingPartitionAndAddress() throws Exception {
        ResultPartitionWriter partition = producerTm.createResultPartition("dying", 1, "producer");
        RecordWriter<Long> writer = new RecordWriter<>(partition, new LongSerializer());
        InputGate gate = consumerTm.createInputGate("consumer", List.of(channel(producerTm, "dying", 0)));
        StreamInputReader<Long> reader = new StreamInputReader<>(gate, new LongSerializer());
        Collector<Long> out = new Collector<>();
        writer.emit(new StreamRecord<>(1L), 0);
        writer.flushAll();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
            reader.emitNext(out);
            return out.values.size() == 1;
        });
        partition.release();
        assertThatThrownBy(() -> readToEnd(reader, out, 5_000))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("dying")
                .hasMessageContaining(String.valueOf(producerTm.getDataAddress().getPort()));
        gate.close();
        assertAllBuffersReturned(producerTm);
        assertAllBuffersReturned(consumerTm);
    }

    @Test
    void lostConnectionFailsTheConsumer() throws Exception {
        ResultPartitionWriter partition = producerTm.createResultPartition("lost", 1, "producer");
        InputGate gate = consumerTm.createInputGate("consumer", List.of(channel(producerTm, "lost", 0)));
        StreamInputReader<Long> reader = new StreamInputReader<>(gate, new LongSerializer());
        Collector<Long> out = new Collector<>();
        Thread.sleep(200); // the request is served
        producerTm.close();
        assertThatThrownBy(() -> readToEnd(reader, out, 5_000))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(String.valueOf(producerTm.getDataAddress().getPort()));
        gate.close();
        partition.release();
        assertAllBuffersReturned(consumerTm);
    }

    @Test
    void remoteRequestIsRetriedUntilTheProducerRegisters() throws Exception {
        InputGate gate = consumerTm.createInputGate("consumer", List.of(channel(producerTm, "late", 0)));
        Thread.sleep(300);
        ResultPartitionWriter partition = producerTm.createResultPartition("late", 1, "producer");
        transfer(partition, gate, 1000);
    }

    @Test
    void missingPartitionFailsAfterTheRequestTimeoutNamingPartitionAndAddress() throws Exception {
        dev.eddy.configuration.Configuration conf = config(32 * 1024, 1024 * 1024);
        conf.setString(NettyShuffleEnvironment.PARTITION_REQUEST_TIMEOUT_KEY, "500 ms");
        NettyShuffleEnvironment impatient = env(conf, "tm-impatient");
        try {
            InputGate remote = impatient.createInputGate("consumer", List.of(channel(producerTm, "missing", 0)));
            StreamInputReader<Long> reader = new StreamInputReader<>(remote, new LongSerializer());
            assertThatThrownBy(() -> readToEnd(reader, new Collector<>(), 10_000))
                    .isInstanceOf(IOException.class)
                    .hasMessage("Partition missing not found at " + producerTm.getDataAddressString() + " after 500 ms");
            remote.close();
            InputGate local = impatient.createInputGate("consumer", List.of(channel(impatient, "missing-local", 0)));
            StreamInputReader<Long> localReader = new StreamInputReader<>(local, new LongSerializer());
            assertThatThrownBy(() -> readToEnd(localReader, new Collector<>(), 10_000))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("Partition missing-local not found at local TaskManager tm-impatient after 500 ms");
            local.close();
            assertAllBuffersReturned(impatient);
        } finally {
            impatient.close();
        }
    }

    @Test
    void cancelMidStreamLeaksNoBuffers() throws Exception {
        ResultPartitionWriter partition = producerTm.createResultPartition("cancel", 2, "producer");
        RecordWriter<Long> writer = new RecordWriter<>(partition, new LongSerializer());
        InputGate gate = consumerTm.createInputGate("consumer",
                List.of(channel(producerTm, "cancel", 0), channel(producerTm, "cancel", 1)));
        StreamInputReader<Long> reader = new StreamInputReader<>(gate, new LongSerializer());
        Collector<Long> out = new Collector<>();
        CompletableFuture<Void> stop = new CompletableFuture<>();
        Future<?> producer = threads.submit(() -> {
            long i = 0;
            while (!stop.isDone()) {
                writer.emit(new StreamRecord<>(i), (int) (i++ & 1));
            }
            return null;
        });
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
            while (out.values.size() <= 1000 && reader.emitNext(out) == InputStatus.MORE_AVAILABLE) {
                // read what is there
            }
            return out.values.size() > 1000;
        });
        // cancel: the consumer closes mid-buffer, the producer is interrupted, then releases
        gate.close();
        stop.complete(null);
        producer.cancel(true);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(producer::isDone);
        Thread.sleep(50);
        partition.release();
        assertAllBuffersReturned(producerTm);
        assertAllBuffersReturned(consumerTm);
    }

    @Test
    void tooFewBuffersForANewGateIsAClearError() {
        NettyShuffleEnvironment small = env(config(1024, 4 * 1024), "tm-small");
        try {
            List<InputChannelSpec> specs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                specs.add(channel(producerTm, "x", i));
            }
            assertThatThrownBy(() -> small.createInputGate("consumer", specs))
                    .hasMessage("Insufficient number of network buffers: required 6, but only 4 available."
                            + " Increase taskmanager.memory.network.max.");
            assertThat(small.getNetworkBufferPool().getNumberOfFreeSegments()).isEqualTo(4);
        } finally {
            small.close();
        }
    }

    /** Reads to the end, checking that the values count up from 0; returns how many were read. */
    private static long readCounting(StreamInputReader<Long> reader) throws Exception {
        long[] next = {0};
        readToEnd(reader, new StreamInputReader.DataOutput<>() {
            @Override
            public void emitRecord(StreamRecord<Long> record) {
                assertThat(record.getValue()).isEqualTo(next[0]);
                next[0]++;
            }

            @Override
            public void emitWatermark(dev.eddy.streaming.api.watermark.Watermark watermark) {}
        }, 30_000);
        return next[0];
    }

    private static void transfer(ResultPartitionWriter partition, InputGate gate, int n) throws Exception {
        RecordWriter<Long> writer = new RecordWriter<>(partition, new LongSerializer());
        for (long i = 0; i < n; i++) {
            writer.emit(new StreamRecord<>(i), 0);
        }
        writer.finish();
        StreamInputReader<Long> reader = new StreamInputReader<>(gate, new LongSerializer());
        Collector<Long> out = new Collector<>();
        readToEnd(reader, out, 10_000);
        assertThat(out.values).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(out.values.get(i)).isEqualTo(i);
        }
        gate.close();
        partition.release();
    }

    private static byte[] header(int magic, byte version, byte type, int length) {
        return ByteBuffer.allocate(NettyProtocol.HEADER_LENGTH + 2).putInt(magic).put(version).put(type).putInt(length)
                .put((byte) 1).put((byte) 2).array();
    }

    private static void assertClosedByServer(InetSocketAddress address, byte[] garbage) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(address, 2000);
            s.setSoTimeout(5000);
            OutputStream os = s.getOutputStream();
            os.write(garbage);
            os.flush();
            InputStream in = s.getInputStream();
            try {
                int r;
                while ((r = in.read()) != -1) {
                    // the server may answer before closing; drain until it closes
                }
            } catch (java.net.SocketException reset) {
                // closed with RST: also a close
            }
        }
    }

    static void assertAllBuffersReturned(NettyShuffleEnvironment env) {
        var pool = env.getNetworkBufferPool();
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> pool.getNumberOfFreeSegments() == pool.getTotalSegments());
    }
}
