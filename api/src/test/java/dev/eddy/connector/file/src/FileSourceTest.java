package dev.eddy.connector.file.src;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.api.connector.source.Boundedness;
import dev.eddy.connector.file.src.reader.TextLineInputFormat;
import dev.eddy.connector.testing.SourceRuns;
import dev.eddy.connector.testing.TestSourceCoordinator;
import dev.eddy.connector.testing.TestSubtask;
import dev.eddy.core.fs.Path;
import dev.eddy.streaming.api.operators.source.SourceReaderOperator;
import dev.eddy.streaming.api.watermark.Watermark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(20)
class FileSourceTest {
    @TempDir
    java.nio.file.Path tmp;

    private void write(String relative, String content) throws IOException {
        java.nio.file.Path file = tmp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path dir() {
        return new Path(tmp.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void readsEveryLineOfEveryVisibleFileExactlyOnce(int parallelism) throws Exception {
        write("a.txt", "a1\na2\n");
        write("b.txt", "b1\r\nb2\r\nb3"); // CRLF and no final newline
        write("sub/c.txt", "c1\n\nc3\n"); // nested, with an empty line
        write("sub/deeper/d.txt", "ü-é\n"); // UTF-8
        write(".hidden.txt", "hidden\n");
        write("_SUCCESS", "marker\n");
        write(".hidden-dir/e.txt", "hidden too\n");
        write("empty.txt", "");
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), dir()).build();

        List<TestSubtask<String>> subtasks = SourceRuns.runAll(source, parallelism);

        assertThat(SourceRuns.union(subtasks)).containsExactlyInAnyOrder(
                "a1", "a2", "b1", "b2", "b3", "c1", "", "c3", "ü-é");
        for (TestSubtask<String> subtask : subtasks) {
            assertThat(subtask.watermarks()).containsExactly(Watermark.MAX_WATERMARK);
            assertThat(subtask.events.get(subtask.events.size() - 1)).isEqualTo(Watermark.MAX_WATERMARK);
        }
    }

    @Test
    void filesAreHandedOutOnRequestInListingOrderAndReadInOrderWithinAFile() throws Exception {
        for (int i = 0; i < 3; i++) {
            write("f" + i + ".txt", "f" + i + "-1\nf" + i + "-2\n");
        }
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), dir()).build();

        // The subtasks run one after the other: the first asks for a split after each file and gets them all.
        List<TestSubtask<String>> subtasks = SourceRuns.runAll(source, 2);

        assertThat(subtasks.get(0).values()).containsExactly("f0-1", "f0-2", "f1-1", "f1-2", "f2-1", "f2-2");
        assertThat(subtasks.get(1).values()).isEmpty();
    }

    @Test
    void acceptsSeveralPathsIncludingSingleFilesAndFileUris() throws Exception {
        write("x/one.txt", "1\n");
        write("y/two.txt", "2\n");
        write("y/three.txt", "3\n");
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                new Path(tmp.resolve("x/one.txt").toString()), new Path(tmp.resolve("y").toUri().toString())).build();

        assertThat(SourceRuns.union(SourceRuns.runAll(source, 2))).containsExactlyInAnyOrder("1", "2", "3");
    }

    @Test
    void aMissingInputPathIsAClearErrorNamingIt() {
        Path missing = new Path(tmp.resolve("does-not-exist").toString());
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), missing).build();

        assertThatThrownBy(() -> SourceRuns.runAll(source, 1))
                .hasMessageContaining("does-not-exist").hasMessageContaining("does not exist");
    }

    @Test
    void anUnsupportedFileSystemSchemeIsAClearError() {
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                new Path("hdfs://namenode:8020/data")).build();

        assertThatThrownBy(() -> SourceRuns.runAll(source, 1)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("hdfs").hasMessageContaining("local file system");
    }

    @Test
    void builderValidatesItsArguments() {
        assertThatThrownBy(() -> FileSource.forRecordStreamFormat(new TextLineInputFormat()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path");
        assertThatThrownBy(() -> FileSource.forRecordStreamFormat(new TextLineInputFormat(), dir())
                .monitorContinuously(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(FileSource.forRecordStreamFormat(new TextLineInputFormat(), dir()).build().getBoundedness())
                .isEqualTo(Boundedness.BOUNDED);
    }

    @Test
    void continuousMonitoringPicksUpNewFilesAndNeverEnds() throws Exception {
        write("first.txt", "1\n2\n");
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), dir())
                .monitorContinuously(Duration.ofMillis(100)).build();
        assertThat(source.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        SourceReaderOperator<String> operator = new SourceReaderOperator<>(source, WatermarkStrategy.noWatermarks());
        TestSubtask<String> subtask = new TestSubtask<>(0, 1);
        var coordinator = new TestSourceCoordinator<>(source, 1);
        coordinator.connect(subtask, operator);
        subtask.onYield(() -> {
            try {
                coordinator.runPeriodic();
                if (subtask.values().size() == 2 && !Files.exists(tmp.resolve("second.txt"))) {
                    write("second.txt", "3\n");
                    write("first.txt", "1\n2\nchanged\n"); // already seen: not read again
                } else if (subtask.values().size() == 3) {
                    operator.cancel();
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });

        SourceRuns.run(operator, subtask);

        assertThat(subtask.values()).containsExactly("1", "2", "3");
        assertThat(subtask.watermarks()).isEmpty();
    }

    @Test
    void continuousFilesAreSharedOutOnceAcrossSubtasks() throws Exception {
        for (int i = 0; i < 9; i++) {
            write("g" + i + ".txt", "g" + i + "\n");
        }
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), dir())
                .monitorContinuously(Duration.ofMillis(100)).build();
        var coordinator = new TestSourceCoordinator<>(source, 3);
        List<String> all = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SourceReaderOperator<String> operator = new SourceReaderOperator<>(source, WatermarkStrategy.noWatermarks());
            TestSubtask<String> subtask = new TestSubtask<>(i, 3);
            coordinator.connect(subtask, operator);
            subtask.onYield(() -> {
                // stop a reader only once everything is read or after it waited long for new files (it never ends by itself)
                if (all.size() + subtask.values().size() == 9 || subtask.yields() > 50) {
                    operator.cancel();
                }
            });
            SourceRuns.run(operator, subtask);
            all.addAll(subtask.values());
        }
        assertThat(all).containsExactlyInAnyOrder("g0", "g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8");
        assertThat(coordinator.snapshot(1).getSplits()).isEmpty();
    }

    @Test
    void splitsAndCheckpointsSerializeAndARestoredSplitSkipsReadRecords() throws Exception {
        write("r.txt", "1\n2\n3\n4\n");
        Path file = new Path(tmp.resolve("r.txt").toString());
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), file).build();
        FileSourceSplit split = new FileSourceSplit("s", file, 0, 8, 2);

        var serializer = source.getSplitSerializer();
        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(split))).isEqualTo(split);
        var cpSerializer = source.getEnumeratorCheckpointSerializer();
        PendingSplitsCheckpoint cp = new PendingSplitsCheckpoint(List.of(split), List.of(file));
        PendingSplitsCheckpoint cpCopy = cpSerializer.deserialize(cpSerializer.getVersion(), cpSerializer.serialize(cp));
        assertThat(cpCopy.getSplits()).containsExactly(split);
        assertThat(cpCopy.getAlreadyProcessedPaths()).containsExactly(file);

        // Not started: no split requests, splits are handed over directly.
        var reader = new dev.eddy.connector.file.src.impl.FileSourceReader<>(null, new TextLineInputFormat());
        reader.addSplits(List.of(split));
        reader.notifyNoMoreSplits();
        java.util.List<String> out = new java.util.ArrayList<>();
        var output = new dev.eddy.api.connector.source.ReaderOutput<String>() {
            public void collect(String r) { out.add(r); }
            public void collect(String r, long ts) { out.add(r); }
            public void emitWatermark(dev.eddy.api.common.eventtime.Watermark w) {}
            public void markIdle() {}
            public void markActive() {}
            public dev.eddy.api.connector.source.SourceOutput<String> createOutputForSplit(String id) { return this; }
            public void releaseOutputForSplit(String id) {}
        };
        reader.pollNext(output);
        assertThat(reader.snapshotState(1)).containsExactly(split.withRecordsToSkip(3));
        while (reader.pollNext(output) != dev.eddy.core.io.InputStatus.END_OF_INPUT) {
            // drain
        }
        reader.close();
        assertThat(out).containsExactly("3", "4");
    }
}
