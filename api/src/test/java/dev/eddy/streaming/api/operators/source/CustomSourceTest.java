package dev.eddy.streaming.api.operators.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.api.connector.source.Boundedness;
import dev.eddy.api.connector.source.ReaderOutput;
import dev.eddy.api.connector.source.Source;
import dev.eddy.api.connector.source.SourceReader;
import dev.eddy.api.connector.source.SourceReaderContext;
import dev.eddy.api.connector.source.SourceSplit;
import dev.eddy.api.connector.source.SplitEnumerator;
import dev.eddy.api.connector.source.SplitEnumeratorContext;
import dev.eddy.api.connector.source.SplitsAssignment;
import dev.eddy.connector.testing.SourceRuns;
import dev.eddy.connector.testing.TestSubtask;
import dev.eddy.core.io.InputStatus;
import dev.eddy.core.io.SimpleVersionedSerializer;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A hand-written source with a push-style enumerator, as a connector author would write one. */
@Timeout(20)
class CustomSourceTest {

    /** A split is one key; the reader emits (key * 100 + i) for i in 0..2 with timestamp i. */
    record KeySplit(int key) implements SourceSplit {
        @Override
        public String splitId() {
            return "key-" + key;
        }
    }

    /** Assigns split k to subtask k % parallelism when the reader registers; signals the end too. */
    static final class PushSource implements Source<Integer, KeySplit, Void> {
        private static final long serialVersionUID = 1L;
        final int keys;
        final boolean assignToUnknownSubtask;

        PushSource(int keys, boolean assignToUnknownSubtask) {
            this.keys = keys;
            this.assignToUnknownSubtask = assignToUnknownSubtask;
        }

        @Override
        public Boundedness getBoundedness() {
            return Boundedness.BOUNDED;
        }

        @Override
        public SourceReader<Integer, KeySplit> createReader(SourceReaderContext readerContext) {
            return new SourceReader<>() {
                final ArrayDeque<Integer> pending = new ArrayDeque<>();
                boolean noMore;
                CompletableFuture<Void> available = new CompletableFuture<>();

                @Override
                public void start() {}

                @Override
                public InputStatus pollNext(ReaderOutput<Integer> output) {
                    Integer key = pending.poll();
                    if (key != null) {
                        for (int i = 0; i < 3; i++) {
                            output.collect(key * 100 + i, i);
                        }
                        return InputStatus.MORE_AVAILABLE;
                    }
                    if (noMore) {
                        return InputStatus.END_OF_INPUT;
                    }
                    return InputStatus.NOTHING_AVAILABLE;
                }

                @Override
                public CompletableFuture<Void> isAvailable() {
                    if (!pending.isEmpty() || noMore) {
                        return CompletableFuture.completedFuture(null);
                    }
                    if (available.isDone()) {
                        available = new CompletableFuture<>();
                    }
                    return available;
                }

                @Override
                public void addSplits(List<KeySplit> splits) {
                    splits.forEach(s -> pending.add(s.key()));
                    available.complete(null);
                }

                @Override
                public void notifyNoMoreSplits() {
                    noMore = true;
                    available.complete(null);
                }

                @Override
                public List<KeySplit> snapshotState(long checkpointId) {
                    return new ArrayList<>();
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public SplitEnumerator<KeySplit, Void> createEnumerator(SplitEnumeratorContext<KeySplit> ctx) {
            return new SplitEnumerator<>() {
                @Override
                public void start() {
                    // Discovery "in the background": the result arrives on the enumerator thread.
                    ctx.callAsync(() -> keys, (count, failure) -> { });
                }

                @Override
                public void handleSplitRequest(int subtaskId, String requesterHostname) {}

                @Override
                public void addSplitsBack(List<KeySplit> splits, int subtaskId) {}

                @Override
                public void addReader(int subtaskId) {
                    assertThat(ctx.registeredReaders()).containsKey(subtaskId);
                    if (assignToUnknownSubtask) {
                        ctx.assignSplit(new KeySplit(0), ctx.currentParallelism());
                    }
                    ctx.callAsync(() -> subtaskId, (subtask, failure) -> {
                        List<KeySplit> mine = new ArrayList<>();
                        for (int k = 0; k < keys; k++) {
                            if (k % ctx.currentParallelism() == subtask) {
                                mine.add(new KeySplit(k));
                            }
                        }
                        if (!mine.isEmpty()) {
                            ctx.assignSplits(new SplitsAssignment<>(Map.of(subtask, mine)));
                        }
                        ctx.signalNoMoreSplits(subtask);
                    });
                }

                @Override
                public Void snapshotState(long checkpointId) {
                    return null;
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public SplitEnumerator<KeySplit, Void> restoreEnumerator(SplitEnumeratorContext<KeySplit> ctx, Void checkpoint) {
            return createEnumerator(ctx);
        }

        @Override
        public SimpleVersionedSerializer<KeySplit> getSplitSerializer() {
            return new SimpleVersionedSerializer<>() {
                @Override
                public int getVersion() {
                    return 1;
                }

                @Override
                public byte[] serialize(KeySplit split) {
                    return java.nio.ByteBuffer.allocate(4).putInt(split.key()).array();
                }

                @Override
                public KeySplit deserialize(int version, byte[] serialized) {
                    return new KeySplit(java.nio.ByteBuffer.wrap(serialized).getInt());
                }
            };
        }

        @Override
        public SimpleVersionedSerializer<Void> getEnumeratorCheckpointSerializer() {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void pushAssignmentsReachOnlyTheirOwnSubtaskAndRecordTimestampsAreKept() throws Exception {
        List<TestSubtask<Integer>> subtasks = SourceRuns.runAll(new PushSource(5, false), 2);

        assertThat(subtasks.get(0).values()).containsExactly(0, 1, 2, 200, 201, 202, 400, 401, 402);
        assertThat(subtasks.get(1).values()).containsExactly(100, 101, 102, 300, 301, 302);
        for (TestSubtask<Integer> subtask : subtasks) {
            assertThat(subtask.records()).allSatisfy(r -> assertThat(r.getTimestamp()).isEqualTo(r.getValue() % 100));
            assertThat(subtask.watermarks()).containsExactly(Watermark.MAX_WATERMARK);
        }
    }

    @Test
    void theTimestampAssignerSeesTheReadersTimestamp() throws Exception {
        WatermarkStrategy<Integer> strategy = WatermarkStrategy.<Integer>noWatermarks()
                .withTimestampAssigner((value, readerTimestamp) -> readerTimestamp + 1000);
        List<TestSubtask<Integer>> subtasks = SourceRuns.runAll(new PushSource(1, false), strategy, 1);

        assertThat(subtasks.get(0).records()).extracting(StreamRecord::getTimestamp).containsExactly(1000L, 1001L, 1002L);
    }

    @Test
    void assigningToASubtaskThatDoesNotExistIsAClearError() {
        assertThatThrownBy(() -> SourceRuns.runAll(new PushSource(1, true), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subtask 2").hasMessageContaining("parallelism 2");
    }
}
