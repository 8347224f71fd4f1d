package dev.eddy.connector.file.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.serialization.SimpleStringEncoder;
import dev.eddy.configuration.MemorySize;
import dev.eddy.api.common.TaskInfo;
import dev.eddy.api.connector.sink2.SinkWriter;
import dev.eddy.api.connector.sink2.WriterInitContext;
import dev.eddy.connector.testing.Fakes;
import dev.eddy.connector.testing.TestSubtask;
import dev.eddy.streaming.api.operators.ProcessingTimeService;
import dev.eddy.core.fs.Path;
import dev.eddy.streaming.api.functions.sink.filesystem.OutputFileConfig;
import dev.eddy.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import dev.eddy.streaming.api.functions.sink.filesystem.bucketassigners.DateTimeBucketAssigner;
import dev.eddy.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import dev.eddy.streaming.api.operators.sink.SinkWriterOperator;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class FileSinkTest {
    private static final String UUID_RE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    @TempDir
    java.nio.file.Path tmp;

    private Path base() {
        return new Path(tmp.toString());
    }

    private static <T> SinkWriterOperator<T> open(FileSink<T> sink, TestSubtask<Void> subtask) throws Exception {
        SinkWriterOperator<T> operator = new SinkWriterOperator<>(sink);
        operator.setup(subtask.parameters());
        operator.open();
        return operator;
    }

    private static <T> void write(SinkWriterOperator<T> operator, List<T> values) throws Exception {
        for (T value : values) {
            operator.processElement(new StreamRecord<>(value));
        }
    }

    private List<java.nio.file.Path> files(boolean hidden) throws IOException {
        try (Stream<java.nio.file.Path> walk = Files.walk(tmp)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().startsWith(".") == hidden)
                    .sorted().collect(Collectors.toList());
        }
    }

    private static List<String> lines(List<java.nio.file.Path> files) throws IOException {
        List<String> lines = new ArrayList<>();
        for (java.nio.file.Path f : files) {
            lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
        }
        return lines;
    }

    @Test
    void writesHiddenInProgressFilesAndCommitsThemAtTheEndOfInput() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>()).build();
        TestSubtask<Void> subtask = new TestSubtask<>(0, 1);
        SinkWriterOperator<String> operator = open(sink, subtask);

        write(operator, List.of("a", "bb", "ccc"));
        assertThat(files(false)).as("nothing visible before commit").isEmpty();
        List<java.nio.file.Path> inProgress = files(true);
        assertThat(inProgress).hasSize(1);
        assertThat(inProgress.get(0).getFileName().toString())
                .matches("\\.part-" + UUID_RE + "-0-0\\.inprogress\\." + UUID_RE);
        assertThat(Files.size(inProgress.get(0))).as("small writes stay in the buffer").isZero();

        operator.finish();
        operator.close();

        List<java.nio.file.Path> committed = files(false);
        assertThat(committed).hasSize(1);
        assertThat(committed.get(0).getFileName().toString()).matches("part-" + UUID_RE + "-0-0");
        assertThat(committed.get(0).getParent()).isEqualTo(tmp);
        assertThat(Files.readString(committed.get(0))).isEqualTo("a\nbb\nccc\n");
        assertThat(files(true)).as("no in-progress files left").isEmpty();
    }

    @Test
    void flushWithoutEndOfInputWritesBytesButKeepsTheFileHidden() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>()).build();
        TestSubtask<Void> subtask = new TestSubtask<>(0, 1);
        WriterInitContext context = Fakes.implement(WriterInitContext.class, new Object() {
            public TaskInfo getTaskInfo() {
                return subtask.parameters().getRuntimeContext().getTaskInfo();
            }

            public ProcessingTimeService getProcessingTimeService() {
                return subtask.parameters().getProcessingTimeService();
            }
        });
        SinkWriter<String> writer = sink.createWriter(context);
        writer.write("x", null);
        writer.flush(false);

        assertThat(files(false)).isEmpty();
        assertThat(files(true)).singleElement().satisfies(p -> assertThat(Files.readString(p)).isEqualTo("x\n"));
        writer.flush(true);
        assertThat(files(false)).as("flush never makes a part file visible").isEmpty();
        @SuppressWarnings("unchecked")
        java.util.Collection<FileSinkCommittable> committables =
                ((dev.eddy.api.connector.sink2.CommittingSinkWriter<String, FileSinkCommittable>) writer).prepareCommit();
        writer.close();
        assertThat(files(false)).as("pre-committed is still hidden").isEmpty();
        FileSinkCheckpointTest.commitDirectly(sink, committables);
        assertThat(files(true)).isEmpty();
        assertThat(lines(files(false))).containsExactly("x");
    }

    @Test
    void closeWithoutFinishLeavesOnlyHiddenInProgressFiles() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>()).build();
        TestSubtask<Void> subtask = new TestSubtask<>(0, 1);
        SinkWriterOperator<String> operator = open(sink, subtask);
        write(operator, List.of("x"));
        operator.processWatermark(new Watermark(5));
        assertThat(subtask.watermarks()).containsExactly(new Watermark(5));

        operator.close(); // cancelled: no finish

        assertThat(files(false)).isEmpty();
        assertThat(files(true)).hasSize(1);
    }

    @Test
    void severalSubtasksWriteDistinctFilesWithTheirIndex() throws Exception {
        FileSink<Integer> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<Integer>())
                .withBucketAssigner(new BasePathBucketAssigner<>()).build();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TestSubtask<Void> subtask = new TestSubtask<>(i, 3);
            SinkWriterOperator<Integer> operator = open(sink, subtask);
            List<Integer> values = List.of(i * 10, i * 10 + 1);
            expected.addAll(values);
            write(operator, values);
            operator.finish();
            operator.close();
        }

        List<java.nio.file.Path> committed = files(false);
        assertThat(committed).hasSize(3);
        assertThat(committed).extracting(p -> p.getFileName().toString())
                .anySatisfy(n -> assertThat(n).matches("part-" + UUID_RE + "-0-0"))
                .anySatisfy(n -> assertThat(n).matches("part-" + UUID_RE + "-1-0"))
                .anySatisfy(n -> assertThat(n).matches("part-" + UUID_RE + "-2-0"));
        assertThat(lines(committed)).containsExactlyInAnyOrderElementsOf(
                expected.stream().map(String::valueOf).collect(Collectors.toList()));
    }

    @Test
    void rollsBySizeClosingEachFullPartFileButCommitsOnlyAtTheEnd() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(new MemorySize(5)).build())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("out").withPartSuffix(".txt").build())
                .build();
        TestSubtask<Void> subtask = new TestSubtask<>(1, 2);
        SinkWriterOperator<String> operator = open(sink, subtask);

        write(operator, List.of("aaa", "bbb", "ccc", "ddd", "eee"));
        assertThat(files(false)).as("rolled part files wait for their checkpoint").isEmpty();
        assertThat(files(true)).as("rolled part files are closed, plus one open").hasSize(3);
        operator.finish();
        operator.close();

        List<java.nio.file.Path> committed = files(false);
        assertThat(committed).extracting(p -> p.getFileName().toString().replaceAll(UUID_RE, "U"))
                .containsExactlyInAnyOrder("out-U-1-0.txt", "out-U-1-1.txt", "out-U-1-2.txt");
        List<String> all = new ArrayList<>();
        for (int counter = 0; counter < 3; counter++) {
            int c = counter;
            java.nio.file.Path part = committed.stream()
                    .filter(p -> p.getFileName().toString().endsWith("-1-" + c + ".txt")).findFirst().orElseThrow();
            all.addAll(Files.readAllLines(part));
        }
        assertThat(all).containsExactly("aaa", "bbb", "ccc", "ddd", "eee");
    }

    @Test
    void rollsOnProcessingTimeWhenTheRolloverIntervalPasses() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(DefaultRollingPolicy.builder().withRolloverInterval(Duration.ofSeconds(1))
                        .withInactivityInterval(Duration.ofMinutes(10)).build())
                .withBucketCheckInterval(100)
                .build();
        TestSubtask<Void> subtask = new TestSubtask<>(0, 1, 1_000_000);
        SinkWriterOperator<String> operator = open(sink, subtask);
        write(operator, List.of("early"));

        subtask.advanceTime(1_000_500);
        assertThat(files(false)).isEmpty();
        subtask.advanceTime(1_001_000);
        assertThat(files(false)).as("rolled but not committed").isEmpty();
        assertThat(files(true)).hasSize(1);
        write(operator, List.of("late"));
        operator.finish();
        operator.close();

        assertThat(lines(files(false))).containsExactlyInAnyOrder("early", "late");
        assertThat(files(false)).hasSize(2);
        assertThat(subtask.pendingTimers()).as("check timer cancelled on close").isZero();
    }

    @Test
    void dateTimeBucketAssignerBucketsByProcessingTime() throws Exception {
        long time = Instant.parse("2024-01-02T03:04:05Z").toEpochMilli();
        FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>())
                .withBucketAssigner(new DateTimeBucketAssigner<>(ZoneOffset.UTC)).build();
        TestSubtask<Void> subtask = new TestSubtask<>(0, 1, time);
        SinkWriterOperator<String> operator = open(sink, subtask);
        write(operator, List.of("one"));
        subtask.advanceTime(time + 3_600_000);
        write(operator, List.of("two"));
        operator.finish();
        operator.close();

        assertThat(lines(List.of(single(tmp.resolve("2024-01-02--03"))))).containsExactly("one");
        assertThat(lines(List.of(single(tmp.resolve("2024-01-02--04"))))).containsExactly("two");
    }

    @Test
    void dateTimeBucketAssignerDefaultsToHourlyBucketsInTheSystemZone() {
        DateTimeBucketAssigner<String> assigner = new DateTimeBucketAssigner<>();
        long time = Instant.parse("2024-06-30T22:15:00Z").toEpochMilli();
        String expected = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd--HH")
                .withZone(ZoneId.systemDefault()).format(Instant.ofEpochMilli(time));

        assertThat(assigner.getBucketId("x", context(time))).isEqualTo(expected);
        assertThat(new DateTimeBucketAssigner<String>("yyyy/MM", ZoneOffset.UTC).getBucketId("x", context(time)))
                .isEqualTo("2024/06");
        assertThat(new BasePathBucketAssigner<String>().getBucketId("x", context(time))).isEmpty();
        assertThatThrownBy(() -> new DateTimeBucketAssigner<String>("yyyy-{{bad")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultBucketAssignerIsDateTime() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>()).build();
        assertThat(sink.toString()).contains("DateTimeBucketAssigner").contains("yyyy-MM-dd--HH");
    }

    @Test
    void anUnsupportedSchemeIsAClearErrorWhenTheWriterOpens() {
        FileSink<String> sink = FileSink.forRowFormat(new Path("s3://bucket/out"), new SimpleStringEncoder<String>()).build();
        assertThatThrownBy(() -> open(sink, new TestSubtask<>(0, 1)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("s3");
    }

    @Test
    void theBuilderDoesNotChangeAnAlreadyBuiltSink() throws Exception {
        var builder = FileSink.forRowFormat(base(), new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>());
        FileSink<String> sink = builder.build();
        builder.withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("other").build());
        TestSubtask<Void> subtask = new TestSubtask<>(0, 1);
        SinkWriterOperator<String> operator = open(sink, subtask);
        write(operator, List.of("v"));
        operator.finish();
        operator.close();
        assertThat(files(false)).singleElement().satisfies(p -> assertThat(p.getFileName().toString()).startsWith("part-"));
    }

    private static java.nio.file.Path single(java.nio.file.Path dir) throws IOException {
        try (Stream<java.nio.file.Path> list = Files.list(dir)) {
            List<java.nio.file.Path> files = list.collect(Collectors.toList());
            assertThat(files).hasSize(1);
            return files.get(0);
        }
    }

    private static dev.eddy.streaming.api.functions.sink.filesystem.BucketAssigner.Context context(long time) {
        return new dev.eddy.streaming.api.functions.sink.filesystem.BucketAssigner.Context() {
            public long currentProcessingTime() {
                return time;
            }

            public long currentWatermark() {
                return Long.MIN_VALUE;
            }

            public Long timestamp() {
                return null;
            }
        };
    }
}
