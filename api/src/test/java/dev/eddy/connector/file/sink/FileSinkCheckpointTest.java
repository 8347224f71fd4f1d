package dev.eddy.connector.file.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.serialization.SimpleStringEncoder;
import dev.eddy.api.connector.sink2.CommitRequest;
import dev.eddy.connector.testing.TestOperatorStateStore;
import dev.eddy.connector.testing.TestSubtask;
import dev.eddy.core.fs.Path;
import dev.eddy.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import dev.eddy.streaming.api.operators.sink.SinkWriterOperator;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The file sink as an exactly-once committing sink: pre-commit at barriers, commit after completion, restore. */
@Timeout(60)
class FileSinkCheckpointTest {
    @TempDir
    java.nio.file.Path tmp;

    private FileSink<String> sink() {
        return FileSink.forRowFormat(new Path(tmp.toString()), new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>()).build();
    }

    /** A running sink subtask with its state store. */
    private static final class Run {
        final TestSubtask<Void> subtask;
        final TestOperatorStateStore store;
        final SinkWriterOperator<String> operator;

        Run(FileSink<String> sink, TestOperatorStateStore store, int index, int parallelism) throws Exception {
            this.subtask = new TestSubtask<>(index, parallelism);
            this.store = store;
            this.operator = new SinkWriterOperator<>(sink);
            operator.setup(subtask.parameters());
            operator.initializeState(store.initializationContext());
            operator.open();
        }

        void write(String... values) throws Exception {
            for (String v : values) {
                operator.processElement(new StreamRecord<>(v));
            }
        }

        TestOperatorStateStore.Snapshot checkpoint(long id) throws Exception {
            operator.prepareSnapshotPreBarrier(id);
            operator.snapshotState(TestOperatorStateStore.snapshotContext(id));
            return store.snapshot(id);
        }

        /** Runs mail until the operator has no pending committables. */
        void awaitCommitted(int pendingLeft) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> {
                subtask.runMail();
                return operator.getPendingCommittableCount() == pendingLeft;
            });
        }
    }

    private List<java.nio.file.Path> files(boolean hidden) throws IOException {
        try (Stream<java.nio.file.Path> walk = Files.walk(tmp)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().startsWith(".") == hidden)
                    .sorted().collect(Collectors.toList());
        }
    }

    private List<String> visibleLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (java.nio.file.Path f : files(false)) {
            lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
        }
        return lines;
    }

    @Test
    void partFilesBecomeVisibleOnlyAfterTheirCheckpointCompleted() throws Exception {
        Run run = new Run(sink(), new TestOperatorStateStore(), 0, 1);
        run.write("a", "b");
        run.checkpoint(1);
        run.write("c");
        run.checkpoint(2);
        run.write("d");
        assertThat(files(false)).as("nothing visible before a checkpoint completed").isEmpty();
        assertThat(files(true)).hasSize(3);

        run.operator.notifyCheckpointComplete(1);
        run.awaitCommitted(1);
        assertThat(visibleLines()).containsExactly("a", "b");

        run.operator.notifyCheckpointAborted(2);
        run.operator.notifyCheckpointComplete(3); // 3 subsumes 2 (no barrier-time pre-commit for 3 here)
        run.awaitCommitted(0);
        assertThat(visibleLines()).containsExactlyInAnyOrder("a", "b", "c");

        run.operator.finish();
        run.operator.close();
        assertThat(visibleLines()).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(files(true)).isEmpty();
        List<String> names = files(false).stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
        assertThat(names).allMatch(n -> n.matches("part-[0-9a-f-]{36}-0-\\d+"));
    }

    @Test
    void restoreCommitsPendingFilesOfTheCheckpointAndDeletesEverythingElseTheFailedWriterLeft() throws Exception {
        FileSink<String> sink = sink();
        Run first = new Run(sink, new TestOperatorStateStore(), 0, 1);
        first.write("a", "b");
        TestOperatorStateStore.Snapshot checkpoint1 = first.checkpoint(1);
        first.write("c");
        first.operator.prepareSnapshotPreBarrier(2); // pending for checkpoint 2, which never completes
        first.write("d"); // in progress when the job fails
        first.operator.close(); // failure: no notification, no finish
        assertThat(files(false)).isEmpty();
        assertThat(files(true)).hasSize(3);
        // A foreign hidden file (another sink or writer) must survive the cleanup.
        java.nio.file.Path foreign = tmp.resolve(".part-someone-else-0-0.inprogress.x");
        Files.writeString(foreign, "foreign\n");

        Run restored = new Run(sink, TestOperatorStateStore.restore(List.of(checkpoint1), 1, 0), 0, 1);
        restored.awaitCommitted(0);
        assertThat(visibleLines()).containsExactly("a", "b");
        assertThat(files(true)).containsExactly(foreign);

        restored.write("e");
        restored.operator.finish();
        restored.operator.close();
        assertThat(visibleLines()).containsExactlyInAnyOrder("a", "b", "e");
        assertThat(files(false)).hasSize(2).allSatisfy(p -> assertThat(p.getFileName().toString()).startsWith("part-"));
    }

    @Test
    void restoreAtLowerParallelismCommitsEveryOldSubtasksPendingFiles() throws Exception {
        FileSink<String> sink = sink();
        List<TestOperatorStateStore.Snapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Run old = new Run(sink, new TestOperatorStateStore(), i, 3);
            old.write("s" + i + "-1");
            snapshots.add(old.checkpoint(5));
            old.write("s" + i + "-lost");
            old.operator.close();
        }
        List<Run> fresh = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            fresh.add(new Run(sink, TestOperatorStateStore.restore(snapshots, 2, i), i, 2));
        }
        for (Run r : fresh) {
            r.awaitCommitted(0);
            r.operator.finish();
            r.operator.close();
        }
        assertThat(visibleLines()).containsExactlyInAnyOrder("s0-1", "s1-1", "s2-1");
        assertThat(files(true)).as("lost records' in-progress files are deleted").isEmpty();
    }

    @Test
    void committingTwiceIsHarmless() throws Exception {
        Run run = new Run(sink(), new TestOperatorStateStore(), 0, 1);
        run.write("x");
        TestOperatorStateStore.Snapshot snapshot = run.checkpoint(1);
        run.operator.notifyCheckpointComplete(1);
        run.awaitCommitted(0);
        run.operator.close();
        // Restoring from checkpoint 1 commits the same (already committed) file again.
        Run again = new Run(sink(), TestOperatorStateStore.restore(List.of(snapshot), 1, 0), 0, 1);
        again.awaitCommitted(0);
        again.operator.finish();
        again.operator.close();
        assertThat(visibleLines()).containsExactly("x");
    }

    /** Commits committables with the sink's committer on the calling thread (for writer-level tests). */
    static void commitDirectly(FileSink<String> sink, Collection<FileSinkCommittable> committables) throws Exception {
        List<CommitRequest<FileSinkCommittable>> requests = new ArrayList<>();
        for (FileSinkCommittable c : committables) {
            requests.add(new CommitRequest<>() {
                @Override
                public FileSinkCommittable getCommittable() {
                    return c;
                }

                @Override
                public int getNumberOfRetries() {
                    return 0;
                }

                @Override
                public void signalFailedWithKnownReason(Throwable t) {
                    throw new AssertionError(t);
                }

                @Override
                public void signalFailedWithUnknownReason(Throwable t) {
                    throw new AssertionError(t);
                }

                @Override
                public void retryLater() {
                    throw new AssertionError("retry");
                }

                @Override
                public void updateAndRetryLater(FileSinkCommittable committable) {
                    throw new AssertionError("retry");
                }

                @Override
                public void signalAlreadyCommitted() {}
            });
        }
        try (var committer = sink.createCommitter(null)) {
            committer.commit(requests);
        }
    }
}
