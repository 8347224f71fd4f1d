package dev.eddy.streaming.api.operators.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.api.connector.source.lib.NumberSequenceSource;
import dev.eddy.connector.file.src.FileSource;
import dev.eddy.connector.file.src.reader.TextLineInputFormat;
import dev.eddy.connector.testing.SourceRuns;
import dev.eddy.connector.testing.TestSubtask;
import dev.eddy.core.fs.Path;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class SourceReaderOperatorTest {
    @TempDir
    java.nio.file.Path tmp;

    @Test
    void assignsTimestampsAndEmitsPeriodicWatermarksThatNeverOvertakeLaterRecords() throws Exception {
        WatermarkStrategy<Long> strategy = WatermarkStrategy.<Long>forMonotonousTimestamps()
                .withTimestampAssigner((value, previous) -> value * 10);
        SourceReaderOperator<Long> operator = new SourceReaderOperator<>(new NumberSequenceSource(0, 5_000), strategy, 100);
        TestSubtask<Long> subtask = new TestSubtask<>(0, 1);
        subtask.onYield(() -> advance(subtask, 60)); // 60 ms of wall time pass per yield

        SourceRuns.run(operator, subtask);

        List<StreamRecord<Long>> records = subtask.records();
        assertThat(records).hasSize(5_001);
        assertThat(records).allSatisfy(r -> assertThat(r.getTimestamp()).isEqualTo(r.getValue() * 10));
        List<Watermark> marks = subtask.watermarks();
        assertThat(marks.size()).as("periodic watermarks plus the final one").isGreaterThan(3);
        assertThat(marks.get(marks.size() - 1)).isEqualTo(Watermark.MAX_WATERMARK);
        assertThat(marks).extracting(Watermark::getTimestamp).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
        long currentWatermark = Long.MIN_VALUE;
        for (Object event : subtask.events) {
            if (event instanceof Watermark) {
                currentWatermark = ((Watermark) event).getTimestamp();
            } else {
                assertThat(((StreamRecord<?>) event).getTimestamp()).isGreaterThan(currentWatermark);
            }
        }
        assertThat(subtask.pendingTimers()).as("timers cancelled on close").isZero();
    }

    @Test
    void zeroIntervalDisablesPeriodicWatermarks() throws Exception {
        SourceReaderOperator<Long> operator = new SourceReaderOperator<>(new NumberSequenceSource(0, 2_000),
                WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(5)), 0);
        TestSubtask<Long> subtask = new TestSubtask<>(0, 1);
        subtask.onYield(() -> advance(subtask, 1_000));

        SourceRuns.run(operator, subtask);

        assertThat(subtask.watermarks()).containsExactly(Watermark.MAX_WATERMARK);
    }

    @Test
    void yieldsToTheMailboxRegularlyWhileRecordsFlow() throws Exception {
        TestSubtask<Long> subtask = new TestSubtask<>(0, 1);
        SourceRuns.run(new SourceReaderOperator<>(new NumberSequenceSource(1, 10_000), WatermarkStrategy.noWatermarks()),
                subtask);

        assertThat(subtask.yields()).isGreaterThanOrEqualTo(10_000 / SourceReaderOperator.RECORDS_PER_YIELD);
    }

    @Test
    void cancelFromTheMailboxStopsRunWithoutTheFinalWatermark() throws Exception {
        SourceReaderOperator<Long> operator = new SourceReaderOperator<>(new NumberSequenceSource(0, Long.MAX_VALUE - 1),
                WatermarkStrategy.noWatermarks());
        TestSubtask<Long> subtask = new TestSubtask<>(0, 1);
        subtask.onYield(() -> {
            if (subtask.yields() == 5) {
                operator.cancel();
            }
        });

        SourceRuns.run(operator, subtask);

        assertThat(subtask.values()).hasSizeBetween(1, 10 * SourceReaderOperator.RECORDS_PER_YIELD);
        assertThat(subtask.watermarks()).isEmpty();
    }

    @Test
    void taskCancellationStopsRun() throws Exception {
        TestSubtask<Long> subtask = new TestSubtask<>(0, 1);
        subtask.onYield(() -> {
            if (!subtask.values().isEmpty()) { // the first yield waits for the split to arrive
                subtask.cancelTask();
            }
        });

        SourceRuns.run(new SourceReaderOperator<>(new NumberSequenceSource(0, Long.MAX_VALUE - 1),
                WatermarkStrategy.noWatermarks()), subtask);

        assertThat(subtask.values()).hasSize(SourceReaderOperator.RECORDS_PER_YIELD);
        assertThat(subtask.watermarks()).isEmpty();
    }

    @Test
    void cancelFromAnotherThreadStopsAnIdleUnboundedSource() throws Exception {
        Files.writeString(tmp.resolve("a.txt"), "x\ny\n");
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), Path.fromLocalFile(tmp.toFile()))
                .monitorContinuously(Duration.ofSeconds(1)).build();
        SourceReaderOperator<String> operator = new SourceReaderOperator<>(source, WatermarkStrategy.noWatermarks());
        TestSubtask<String> subtask = new TestSubtask<>(0, 1);
        java.util.concurrent.CountDownLatch allRead = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger yieldsAfterRead = new java.util.concurrent.atomic.AtomicInteger();
        subtask.onYield(() -> {
            if (subtask.values().size() == 2) {
                allRead.countDown();
                yieldsAfterRead.incrementAndGet();
            }
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                SourceRuns.run(operator, subtask);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        runner.start();
        assertThat(allRead.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(runner.isAlive()).as("an unbounded source keeps running").isTrue();

        operator.cancel();
        runner.join(5_000);

        assertThat(runner.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
        assertThat(subtask.values()).containsExactly("x", "y");
        assertThat(subtask.watermarks()).isEmpty();
        assertThat(yieldsAfterRead.get()).as("waiting ~100 ms does not spin").isLessThan(1_000);
    }

    @Test
    void runBeforeOpenIsALifecycleError() {
        SourceReaderOperator<Long> operator = new SourceReaderOperator<>(new NumberSequenceSource(0, 1),
                WatermarkStrategy.noWatermarks());
        TestSubtask<Long> subtask = new TestSubtask<>(0, 1);
        operator.setup(subtask.parameters());

        assertThatThrownBy(() -> operator.run(subtask.control())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SET_UP").hasMessageContaining("RUNNING");
    }

    @Test
    void lifecycleTransitionsFollowTheTable() {
        SourceReaderLifecycle.State[] order = {
            SourceReaderLifecycle.State.SET_UP, SourceReaderLifecycle.State.OPEN, SourceReaderLifecycle.State.RUNNING,
            SourceReaderLifecycle.State.END_OF_INPUT, SourceReaderLifecycle.State.FINISHED, SourceReaderLifecycle.State.CLOSED};
        SourceReaderLifecycle lifecycle = new SourceReaderLifecycle();
        for (SourceReaderLifecycle.State s : order) {
            lifecycle.moveTo(s);
        }
        assertThat(lifecycle.state()).isEqualTo(SourceReaderLifecycle.State.CLOSED);
        for (SourceReaderLifecycle.State s : SourceReaderLifecycle.State.values()) {
            assertThat(SourceReaderLifecycle.isLegal(s, SourceReaderLifecycle.State.CLOSED))
                    .as("close is always allowed from %s", s).isEqualTo(s != SourceReaderLifecycle.State.CLOSED);
        }
        assertThat(SourceReaderLifecycle.isLegal(SourceReaderLifecycle.State.RUNNING, SourceReaderLifecycle.State.CANCELLED)).isTrue();
        assertThat(SourceReaderLifecycle.isLegal(SourceReaderLifecycle.State.OPEN, SourceReaderLifecycle.State.FINISHED)).isFalse();
        assertThat(SourceReaderLifecycle.isLegal(SourceReaderLifecycle.State.CLOSED, SourceReaderLifecycle.State.OPEN)).isFalse();
    }

    @Test
    void closeWithoutOpenIsHarmless() throws Exception {
        SourceReaderOperator<Long> operator = new SourceReaderOperator<>(new NumberSequenceSource(0, 1),
                WatermarkStrategy.noWatermarks());
        operator.close();
        operator.setup(new TestSubtask<Long>(0, 1).parameters());
        operator.close();
    }

    @Test
    void operatorSurvivesJavaSerializationLikeInAJobGraph() throws Exception {
        SourceReaderOperator<Long> operator = new SourceReaderOperator<>(new NumberSequenceSource(1, 300),
                WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, t) -> v));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(operator);
        }
        @SuppressWarnings("unchecked")
        SourceReaderOperator<Long> copy = (SourceReaderOperator<Long>) new ObjectInputStream(
                new ByteArrayInputStream(bytes.toByteArray())).readObject();
        TestSubtask<Long> subtask = new TestSubtask<>(0, 1);

        SourceRuns.run(copy, subtask);

        assertThat(subtask.values()).hasSize(300);
        assertThat(subtask.records().get(0).getTimestamp()).isEqualTo(1);
    }

    private static void advance(TestSubtask<?> subtask, long millis) {
        try {
            subtask.advanceTime(subtask.now() + millis);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
