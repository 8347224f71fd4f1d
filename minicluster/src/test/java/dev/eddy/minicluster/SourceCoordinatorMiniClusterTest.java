package dev.eddy.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.api.common.functions.MapFunction;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.connector.source.Boundedness;
import dev.eddy.api.connector.source.ReaderOutput;
import dev.eddy.api.connector.source.Source;
import dev.eddy.api.connector.source.SourceEvent;
import dev.eddy.api.connector.source.SourceOutput;
import dev.eddy.api.connector.source.SourceReader;
import dev.eddy.api.connector.source.SourceReaderContext;
import dev.eddy.api.connector.source.SourceSplit;
import dev.eddy.api.connector.source.SplitEnumerator;
import dev.eddy.api.connector.source.SplitEnumeratorContext;
import dev.eddy.api.connector.source.util.SplitQueueSourceReader;
import dev.eddy.api.connector.source.util.SplitRecordIterator;
import dev.eddy.api.java.typeutils.ResultTypeQueryable;
import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.DeploymentOptions;
import dev.eddy.core.io.InputStatus;
import dev.eddy.core.io.SimpleVersionedSerializer;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.sink.legacy.SinkFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A hand-written Source on a real mini-cluster: its enumerator runs on the JobManager, hands out
 * one range split per request, and answers each reader's "hello" source event with a "welcome"
 * event, which the reader emits as a record.
 */
@Timeout(120)
class SourceCoordinatorMiniClusterTest {
    static final Queue<String> OUTPUT = new ConcurrentLinkedQueue<>();
    static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();

    @Test
    void splitsAreHandedOutOnRequestAndSourceEventsTravelBothWays() throws Exception {
        OUTPUT.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                Configuration.fromMap(Map.of(DeploymentOptions.TARGET.key(), "local")));
        env.setParallelism(3);
        env.fromSource(new RangeSource(10, 10), WatermarkStrategy.noWatermarks(), "ranges").addSink(new Collect());

        env.execute("source coordinator round trip");

        List<String> numbers = OUTPUT.stream().filter(s -> !s.startsWith("welcome")).toList();
        assertThat(numbers).hasSize(100).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, 100).mapToObj(String::valueOf).toList());
        assertThat(OUTPUT.stream().filter(s -> s.startsWith("welcome")))
                .containsExactlyInAnyOrder("welcome 0 from the JobManager", "welcome 1 from the JobManager",
                        "welcome 2 from the JobManager");
    }

    @Test
    void aFailedReaderLosesNoSplitAfterTheRestart() throws Exception {
        OUTPUT.clear();
        FAILED_ONCE.set(false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Configuration.fromMap(Map.of(
                DeploymentOptions.TARGET.key(), "local",
                "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "3",
                "restart-strategy.fixed-delay.delay", "20 ms")));
        env.setParallelism(2);
        env.enableCheckpointing(50);
        env.fromSource(new RangeSource(20, 50), WatermarkStrategy.noWatermarks(), "ranges")
                .map(new FailOnce())
                .addSink(new Collect());

        env.execute("source coordinator failover");

        assertThat(FAILED_ONCE).isTrue();
        // at-least-once sink: replayed records may repeat, but every number must be there
        assertThat(OUTPUT.stream().filter(s -> !s.startsWith("welcome")).distinct().count()).isEqualTo(1000);
    }

    static final class Collect implements SinkFunction<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(String value, Context context) {
            OUTPUT.add(value);
        }
    }

    static final class FailOnce implements MapFunction<String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String map(String value) throws Exception {
            if (value.equals("734") && FAILED_ONCE.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at " + value);
            }
            Thread.sleep(0, 200_000); // slow enough for checkpoints to complete meanwhile
            return value;
        }
    }

    record Range(int from, int to) implements SourceSplit {
        @Override
        public String splitId() {
            return from + "-" + to;
        }
    }

    record Hello(int subtask) implements SourceEvent {}

    record Welcome(String text) implements SourceEvent {}

    /** {@code splits} ranges of {@code size} numbers: 0..size-1, size..2*size-1, ... */
    static final class RangeSource implements Source<String, Range, Collection<Range>>, ResultTypeQueryable<String> {
        private static final long serialVersionUID = 1L;
        private final int splits;
        private final int size;

        RangeSource(int splits, int size) {
            this.splits = splits;
            this.size = size;
        }

        @Override
        public TypeInformation<String> getProducedType() {
            return Types.STRING;
        }

        @Override
        public Boundedness getBoundedness() {
            return Boundedness.BOUNDED;
        }

        @Override
        public SourceReader<String, Range> createReader(SourceReaderContext context) {
            return new RangeReader(context);
        }

        @Override
        public SplitEnumerator<Range, Collection<Range>> createEnumerator(SplitEnumeratorContext<Range> context) {
            List<Range> all = new ArrayList<>();
            for (int i = 0; i < splits; i++) {
                all.add(new Range(i * size, (i + 1) * size - 1));
            }
            return new RangeEnumerator(context, all);
        }

        @Override
        public SplitEnumerator<Range, Collection<Range>> restoreEnumerator(SplitEnumeratorContext<Range> context,
                Collection<Range> checkpoint) {
            return new RangeEnumerator(context, checkpoint);
        }

        @Override
        public SimpleVersionedSerializer<Range> getSplitSerializer() {
            return new RangeSerializer();
        }

        @Override
        public SimpleVersionedSerializer<Collection<Range>> getEnumeratorCheckpointSerializer() {
            return new SimpleVersionedSerializer<>() {
                @Override
                public int getVersion() {
                    return 1;
                }

                @Override
                public byte[] serialize(Collection<Range> ranges) throws IOException {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    try (DataOutputStream out = new DataOutputStream(bytes)) {
                        out.writeInt(ranges.size());
                        for (Range r : ranges) {
                            out.writeInt(r.from());
                            out.writeInt(r.to());
                        }
                    }
                    return bytes.toByteArray();
                }

                @Override
                public Collection<Range> deserialize(int version, byte[] serialized) throws IOException {
                    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                        int n = in.readInt();
                        List<Range> ranges = new ArrayList<>();
                        for (int i = 0; i < n; i++) {
                            ranges.add(new Range(in.readInt(), in.readInt()));
                        }
                        return ranges;
                    }
                }
            };
        }
    }

    static final class RangeSerializer implements SimpleVersionedSerializer<Range> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Range r) {
            return java.nio.ByteBuffer.allocate(8).putInt(r.from()).putInt(r.to()).array();
        }

        @Override
        public Range deserialize(int version, byte[] serialized) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(serialized);
            return new Range(b.getInt(), b.getInt());
        }
    }

    /** One split per request, then "no more splits"; answers hello with welcome. Coordinator thread only. */
    static final class RangeEnumerator implements SplitEnumerator<Range, Collection<Range>> {
        private final SplitEnumeratorContext<Range> context;
        private final ArrayDeque<Range> pending;

        RangeEnumerator(SplitEnumeratorContext<Range> context, Collection<Range> ranges) {
            this.context = context;
            this.pending = new ArrayDeque<>(ranges);
        }

        @Override
        public void start() {}

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {
            Range next = pending.poll();
            if (next != null) {
                context.assignSplit(next, subtaskId);
            } else {
                context.signalNoMoreSplits(subtaskId);
            }
        }

        @Override
        public void addSplitsBack(List<Range> splits, int subtaskId) {
            pending.addAll(splits);
        }

        @Override
        public void addReader(int subtaskId) {}

        @Override
        public void handleSourceEvent(int subtaskId, SourceEvent sourceEvent) {
            boolean onJobManager = Thread.currentThread().getName().startsWith("eddy-source-coordinator-");
            context.sendEventToSourceReader(subtaskId, new Welcome("welcome " + ((Hello) sourceEvent).subtask()
                    + (onJobManager ? " from the JobManager" : " from elsewhere")));
        }

        @Override
        public Collection<Range> snapshotState(long checkpointId) {
            return new ArrayList<>(pending);
        }

        @Override
        public void close() {}
    }

    /** Reads ranges one after the other; says hello at start and emits the welcome it gets back. */
    static final class RangeReader extends SplitQueueSourceReader<String, Range> {
        private final ArrayDeque<String> greetings = new ArrayDeque<>();

        RangeReader(SourceReaderContext context) {
            super(context);
        }

        @Override
        public void start() {
            context().sendSourceEventToCoordinator(new Hello(context().getIndexOfSubtask()));
            super.start();
        }

        @Override
        public void handleSourceEvents(SourceEvent sourceEvent) {
            greetings.add(((Welcome) sourceEvent).text());
        }

        @Override
        public InputStatus pollNext(ReaderOutput<String> output) throws Exception {
            String greeting = greetings.poll();
            if (greeting != null) {
                output.collect(greeting);
                return InputStatus.MORE_AVAILABLE;
            }
            return super.pollNext(output);
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return greetings.isEmpty() ? super.isAvailable() : CompletableFuture.completedFuture(null);
        }

        @Override
        protected SplitRecordIterator<String, Range> openSplit(Range split) {
            return new SplitRecordIterator<>() {
                int next = split.from();

                @Override
                public boolean emitNext(SourceOutput<String> output) {
                    if (next > split.to()) {
                        return false;
                    }
                    output.collect(String.valueOf(next++));
                    return true;
                }

                @Override
                public Range remainingSplit() {
                    return new Range(next, split.to());
                }

                @Override
                public void close() {}
            };
        }
    }
}
