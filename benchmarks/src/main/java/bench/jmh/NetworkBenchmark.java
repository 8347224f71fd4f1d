package bench.jmh;

import dev.eddy.api.common.typeutils.base.LongSerializer;
import dev.eddy.configuration.Configuration;
import dev.eddy.runtime.taskmanager.network.InputChannelSpec;
import dev.eddy.runtime.taskmanager.network.InputGate;
import dev.eddy.runtime.taskmanager.network.InputStatus;
import dev.eddy.runtime.taskmanager.network.NettyShuffleEnvironment;
import dev.eddy.runtime.taskmanager.network.RecordWriter;
import dev.eddy.runtime.taskmanager.network.ResultPartitionWriter;
import dev.eddy.runtime.taskmanager.network.StreamInputReader;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Records per second through the data plane, end to end: {@link RecordWriter} serializes small
 * timestamped Long records into a {@code ResultPartition}'s network buffers; a consumer thread (the
 * downstream task) reads them from a {@code SingleInputGate} with a {@link StreamInputReader}, which
 * reassembles and deserializes them.
 *
 * <ul>
 *   <li>{@code local}: producer and consumer on one TaskManager (one {@link NettyShuffleEnvironment}),
 *       a {@code LocalInputChannel} reading the producer's buffers in memory;</li>
 *   <li>{@code netty}: two environments (two TaskManagers in one JVM) on 127.0.0.1, a
 *       {@code RemoteInputChannel} with credit-based flow control over a real Netty connection.</li>
 * </ul>
 *
 * <p>One invocation emits {@link #BATCH} records, flushes, and waits until the consumer has
 * deserialized all of them, so the score is delivered records per second, bounded by back-pressure
 * from the default-sized pools (2 exclusive + 8 floating buffers of 32 KiB). Both the producer (JMH
 * thread) and the consumer are busy, plus the Netty event loops for {@code netty}: on 2 cores the
 * numbers include contention, as a real job's would.
 *
 * <p>Eddy runtime internals: no Flink twin. Lifecycle: environments, partition, gate and consumer
 * thread live for the trial; {@link #tearDown()} ends the partition and closes everything.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class NetworkBenchmark {
    /** Records per invocation. */
    public static final int BATCH = 100_000;

    @Param({"local", "netty"})
    public String transport;

    private NettyShuffleEnvironment producerEnv;
    private NettyShuffleEnvironment consumerEnv;
    private ResultPartitionWriter partition;
    private RecordWriter<Long> writer;
    private InputGate gate;
    private Consumer consumer;
    private final StreamRecord<Long> record = new StreamRecord<>(0L, 0L);
    private long sent;

    @Setup(Level.Trial)
    public void setUp() {
        Configuration conf = new Configuration();
        producerEnv = NettyShuffleEnvironment.start(conf, "producer-tm", "127.0.0.1", "127.0.0.1", 0);
        consumerEnv = switch (transport) {
            case "local" -> producerEnv;
            case "netty" -> NettyShuffleEnvironment.start(conf, "consumer-tm", "127.0.0.1", "127.0.0.1", 0);
            default -> throw new IllegalArgumentException("Unknown transport '" + transport + "'; use local or netty");
        };
        partition = producerEnv.createResultPartition("bench-partition", 1, "bench producer");
        writer = new RecordWriter<>(partition, LongSerializer.INSTANCE);
        gate = consumerEnv.createInputGate("bench consumer", List.of(new InputChannelSpec("bench-partition", 0,
                producerEnv.getTaskManagerId(), producerEnv.getDataAddressString())));
        consumer = new Consumer(new StreamInputReader<>(gate, LongSerializer.INSTANCE), Thread.currentThread());
        consumer.start();
    }

    /** Emits {@link #BATCH} records and waits until the consumer has read them all. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long records() throws Exception {
        for (int i = 0; i < BATCH; i++) {
            long n = sent++;
            record.replace(n, n);
            writer.emit(record, 0);
        }
        writer.flushAll();
        consumer.awaitCount(sent, Thread.currentThread());
        return consumer.published;
    }

    /** Number of records the consumer has deserialized so far (published when it ran dry). */
    long received() {
        return consumer.published;
    }

    /** Sum of the values the consumer has deserialized (checks that the bytes arrived intact). */
    long receivedSum() {
        return consumer.sumPublished;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try {
            if (writer != null) {
                writer.finish();
            }
            if (consumer != null) {
                consumer.join(TimeUnit.SECONDS.toMillis(30));
                if (consumer.failure != null) {
                    throw new IllegalStateException("The consumer thread failed", consumer.failure);
                }
            }
        } finally {
            if (partition != null) {
                partition.release();
            }
            if (gate != null) {
                gate.close();
            }
            if (consumerEnv != null && consumerEnv != producerEnv) {
                consumerEnv.close();
            }
            if (producerEnv != null) {
                producerEnv.close();
            }
        }
    }

    /**
     * The downstream task: reads until END_OF_INPUT, parking on the reader's availability future when
     * it runs dry. Counts in plain fields and publishes the count only when it runs dry (then the
     * producer may be waiting for it), so there is no per-record cross-thread write.
     */
    private static final class Consumer extends Thread implements StreamInputReader.DataOutput<Long> {
        private final StreamInputReader<Long> reader;
        private volatile Thread waiter;
        private volatile long target;
        volatile long published;
        volatile long sumPublished;
        volatile Throwable failure;
        private long count;
        private long sum;

        Consumer(StreamInputReader<Long> reader, Thread waiter) {
            super("bench-network-consumer");
            setDaemon(true);
            this.reader = reader;
            this.waiter = waiter;
        }

        @Override
        public void emitRecord(StreamRecord<Long> r) {
            count++;
            sum += r.getValue();
        }

        @Override
        public void emitWatermark(Watermark watermark) {}

        @Override
        public void run() {
            try {
                while (true) {
                    InputStatus status = reader.emitNext(this);
                    if (status == InputStatus.END_OF_INPUT) {
                        publish();
                        return;
                    }
                    if (status == InputStatus.NOTHING_AVAILABLE) {
                        publish();
                        reader.getAvailableFuture().get();
                    }
                }
            } catch (Throwable t) {
                failure = t;
                LockSupport.unpark(waiter);
            } finally {
                reader.close();
            }
        }

        private void publish() {
            sumPublished = sum;
            published = count;
            if (count >= target) {
                LockSupport.unpark(waiter);
            }
        }

        /** Parks the caller until {@code n} records were read; fails if the consumer failed. */
        void awaitCount(long n, Thread caller) {
            waiter = caller;
            target = n;
            while (published < n) {
                if (failure != null) {
                    throw new IllegalStateException("The consumer thread failed", failure);
                }
                LockSupport.parkNanos(this, 1_000_000L);
            }
        }
    }
}
