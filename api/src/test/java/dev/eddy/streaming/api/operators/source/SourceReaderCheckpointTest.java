package dev.eddy.streaming.api.operators.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.api.connector.source.Source;
import dev.eddy.api.connector.source.lib.NumberSequenceSource;
import dev.eddy.connector.file.src.FileSource;
import dev.eddy.connector.file.src.reader.TextLineInputFormat;
import dev.eddy.connector.testing.TestOperatorStateStore;
import dev.eddy.connector.testing.TestSourceCoordinator;
import dev.eddy.connector.testing.TestSubtask;
import dev.eddy.core.fs.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshot a running source mid-stream, "fail", restore (same or other parallelism) and check that
 * the records before the snapshot plus the records after the restore are the input exactly once.
 * One {@link TestSourceCoordinator} stands for the JobManager's enumerator; its checkpoint is taken
 * after the readers' and restored into a new coordinator, as the JobManager does.
 */
class SourceReaderCheckpointTest {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void numberSequenceRestoresExactlyTheRestAtSameParallelism() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(1, 3000);
        assertExactlyOnce(source, 2, 2, new int[] {300, 700}, expectedLongs(1, 3000));
    }

    @Test
    void numberSequenceRescalesUpAndDown() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(1, 5000);
        assertExactlyOnce(source, 2, 3, new int[] {300, 1200}, expectedLongs(1, 5000));
        assertExactlyOnce(source, 3, 1, new int[] {0, 600, 1500}, expectedLongs(1, 5000));
    }

    @Test
    void fileSourceContinuesAfterTheLastEmittedLine() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 700; i++) {
                lines.add("f" + f + "-" + i);
            }
            Files.write(dir.resolve("in-" + f + ".txt"), lines);
            expected.addAll(lines);
        }
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                Path.fromLocalFile(dir.toFile())).build();
        assertExactlyOnce(source, 2, 2, new int[] {500, 900}, expected);
        assertExactlyOnce(source, 2, 3, new int[] {260, 1000}, expected);
        assertExactlyOnce(source, 2, 1, new int[] {1, 1}, expected);
    }

    @Test
    void continuousFileSourceNeverReadsAHandedOutFileAgainAfterARescalingRestore() throws Exception {
        List<String> expected = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                lines.add(name + i);
            }
            Files.write(dir.resolve(name + ".txt"), lines);
            expected.addAll(lines);
        }
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                Path.fromLocalFile(dir.toFile())).monitorContinuously(java.time.Duration.ofMillis(100)).build();
        TestOperatorStateStore store = new TestOperatorStateStore();
        TestSubtask<String> old = new TestSubtask<>(0, 1);
        SourceReaderOperator<String> operator = new SourceReaderOperator<>(source, WatermarkStrategy.noWatermarks());
        var oldCoordinator = new TestSourceCoordinator<>(source, 1);
        oldCoordinator.connect(old, operator);
        List<String> emitted = new ArrayList<>();
        List<TestOperatorStateStore.Snapshot> snapshots = new ArrayList<>();
        old.onYield(() -> {
            try {
                old.advanceTime(old.now() + 30);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            oldCoordinator.runPeriodic();
            if (snapshots.isEmpty() && old.values().size() >= 700) {
                snapshot(operator, store, snapshots, old, emitted);
                old.cancelTask();
            }
        });
        operator.setup(old.parameters());
        operator.initializeState(store.initializationContext());
        operator.open();
        operator.run(old.control());
        operator.close();
        assertThat(emitted).hasSizeLessThan(1200);
        var newCoordinator = new TestSourceCoordinator<>(source, 2, oldCoordinator.snapshot(7));

        Files.write(dir.resolve("c.txt"), List.of("c0", "c1"));
        expected.addAll(List.of("c0", "c1"));
        for (int i = 0; i < 2; i++) {
            TestSubtask<String> subtask = new TestSubtask<>(i, 2);
            SourceReaderOperator<String> restored = new SourceReaderOperator<>(source, WatermarkStrategy.noWatermarks());
            newCoordinator.connect(subtask, restored);
            subtask.onYield(() -> {
                try {
                    subtask.advanceTime(subtask.now() + 30);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                newCoordinator.runPeriodic();
                if (subtask.yields() > 40) {
                    subtask.cancelTask();
                }
            });
            restored.setup(subtask.parameters());
            restored.initializeState(TestOperatorStateStore.restore(snapshots, 2, i).initializationContext());
            restored.open();
            restored.run(subtask.control());
            restored.close();
            emitted.addAll(subtask.values());
        }
        assertThat(emitted).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aRestoredSubtaskWithNothingLeftEndsWithoutReadingAgain() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(1, 10);
        // Subtask 0 is snapshotted after the end of its input (no yield before that: snapshot at the end).
        assertExactlyOnce(source, 1, 2, new int[] {Integer.MAX_VALUE}, expectedLongs(1, 10));
    }

    private static List<Long> expectedLongs(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().collect(Collectors.toList());
    }

    /**
     * Runs every old subtask until it emitted at least {@code snapshotAfter[i]} records (at a yield),
     * snapshots it (checkpoint 7) and cancels it; then restores {@code newParallelism} subtasks and
     * runs them to the end.
     */
    private static <T> void assertExactlyOnce(Source<T, ?, ?> source, int oldParallelism, int newParallelism,
            int[] snapshotAfter, List<T> expected) throws Exception {
        List<T> emitted = new ArrayList<>();
        List<TestOperatorStateStore.Snapshot> snapshots = new ArrayList<>();
        TestSourceCoordinator<?, ?> oldCoordinator = new TestSourceCoordinator<>(source, oldParallelism);
        for (int i = 0; i < oldParallelism; i++) {
            TestOperatorStateStore store = new TestOperatorStateStore();
            TestSubtask<T> subtask = new TestSubtask<>(i, oldParallelism);
            SourceReaderOperator<T> operator = new SourceReaderOperator<>(source, WatermarkStrategy.noWatermarks());
            oldCoordinator.connect(subtask, operator);
            int threshold = snapshotAfter[i];
            List<T> beforeSnapshot = new ArrayList<>();
            boolean[] taken = {false};
            subtask.onYield(() -> {
                if (!taken[0] && subtask.values().size() >= threshold) {
                    taken[0] = true;
                    snapshot(operator, store, snapshots, subtask, beforeSnapshot);
                    subtask.cancelTask();
                }
            });
            operator.setup(subtask.parameters());
            operator.initializeState(store.initializationContext());
            operator.open();
            operator.run(subtask.control());
            if (!taken[0]) {
                snapshot(operator, store, snapshots, subtask, beforeSnapshot);
            }
            operator.close();
            emitted.addAll(beforeSnapshot);
        }
        TestSourceCoordinator<?, ?> newCoordinator = restoredCoordinator(source, newParallelism, oldCoordinator);
        for (int i = 0; i < newParallelism; i++) {
            TestOperatorStateStore store = TestOperatorStateStore.restore(snapshots, newParallelism, i);
            TestSubtask<T> subtask = new TestSubtask<>(i, newParallelism);
            SourceReaderOperator<T> operator = new SourceReaderOperator<>(source, WatermarkStrategy.noWatermarks());
            newCoordinator.connect(subtask, operator);
            operator.setup(subtask.parameters());
            operator.initializeState(store.initializationContext());
            operator.open();
            operator.run(subtask.control());
            operator.finish();
            operator.close();
            emitted.addAll(subtask.values());
        }
        assertThat(emitted).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** A coordinator at {@code parallelism} restored from the old one's enumerator checkpoint (taken now). */
    @SuppressWarnings("unchecked")
    private static <S extends dev.eddy.api.connector.source.SourceSplit, C> TestSourceCoordinator<S, C> restoredCoordinator(
            Source<?, ?, ?> source, int parallelism, TestSourceCoordinator<?, ?> old) throws Exception {
        TestSourceCoordinator<S, C> typedOld = (TestSourceCoordinator<S, C>) old;
        return new TestSourceCoordinator<>((Source<?, S, C>) source, parallelism, typedOld.snapshot(7));
    }

    private static <T> void snapshot(SourceReaderOperator<T> operator, TestOperatorStateStore store,
            List<TestOperatorStateStore.Snapshot> snapshots, TestSubtask<T> subtask, List<T> beforeSnapshot) {
        try {
            operator.snapshotState(TestOperatorStateStore.snapshotContext(7));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        snapshots.add(store.snapshot(7));
        beforeSnapshot.addAll(subtask.values());
    }

    @Test
    void checkpointNotificationsReachTheReader() throws Exception {
        List<Long> notified = new ArrayList<>();
        NumberSequenceSource source = new NumberSequenceSource(1, 5) {
            @Override
            public dev.eddy.api.connector.source.SourceReader<Long, NumberSequenceSplit> createReader(
                    dev.eddy.api.connector.source.SourceReaderContext ctx) {
                dev.eddy.api.connector.source.SourceReader<Long, NumberSequenceSplit> inner = super.createReader(ctx);
                return new ForwardingReader<>(inner, notified);
            }
        };
        TestSubtask<Long> subtask = new TestSubtask<>(0, 1);
        SourceReaderOperator<Long> operator = new SourceReaderOperator<>(source, WatermarkStrategy.noWatermarks());
        new TestSourceCoordinator<>(source, 1).connect(subtask, operator);
        operator.setup(subtask.parameters());
        operator.initializeState(new TestOperatorStateStore().initializationContext());
        operator.open();
        operator.notifyCheckpointComplete(3);
        operator.notifyCheckpointAborted(4);
        operator.close();
        assertThat(notified).containsExactly(3L, -4L);
    }

    /** Delegates everything; records notifications (aborts negated). */
    private static final class ForwardingReader<T, S extends dev.eddy.api.connector.source.SourceSplit>
            implements dev.eddy.api.connector.source.SourceReader<T, S> {
        private final dev.eddy.api.connector.source.SourceReader<T, S> inner;
        private final List<Long> notified;

        ForwardingReader(dev.eddy.api.connector.source.SourceReader<T, S> inner, List<Long> notified) {
            this.inner = inner;
            this.notified = notified;
        }

        @Override
        public void start() {
            inner.start();
        }

        @Override
        public dev.eddy.core.io.InputStatus pollNext(dev.eddy.api.connector.source.ReaderOutput<T> output) throws Exception {
            return inner.pollNext(output);
        }

        @Override
        public java.util.concurrent.CompletableFuture<Void> isAvailable() {
            return inner.isAvailable();
        }

        @Override
        public void addSplits(List<S> splits) {
            inner.addSplits(splits);
        }

        @Override
        public void notifyNoMoreSplits() {
            inner.notifyNoMoreSplits();
        }

        @Override
        public List<S> snapshotState(long checkpointId) {
            return inner.snapshotState(checkpointId);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            notified.add(checkpointId);
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) {
            notified.add(-checkpointId);
        }

        @Override
        public void close() throws Exception {
            inner.close();
        }
    }
}
