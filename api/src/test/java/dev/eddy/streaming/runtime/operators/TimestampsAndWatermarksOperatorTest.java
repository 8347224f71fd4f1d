package dev.eddy.streaming.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.configuration.Configuration;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.InputWatermarkProgress;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;
import dev.eddy.streaming.util.OneInputStreamOperatorTestHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimestampsAndWatermarksOperatorTest {

    private static WatermarkStrategy<Long> outOfOrder(long millis) {
        return WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(millis)).withTimestampAssigner((v, t) -> v);
    }

    @Test
    void assignsTimestampsAndEmitsPeriodicWatermarksEveryInterval() throws Exception {
        TimestampsAndWatermarksOperator<Long> op = new TimestampsAndWatermarksOperator<>(outOfOrder(10));
        OneInputStreamOperatorTestHarness<Long, Long> h = new OneInputStreamOperatorTestHarness<>(op);
        h.open();
        assertThat(((TimestampsAndWatermarksOperator<Long>) h.getOperator()).getEffectiveAutoWatermarkInterval())
                .as("Flink's default").isEqualTo(200);
        h.processElement(100L);
        h.processElement(50L, 7); // the assigner replaces the record's own timestamp
        h.setProcessingTime(199);
        assertThat(h.extractWatermarks()).isEmpty();
        h.setProcessingTime(200);
        h.processElement(300L);
        h.setProcessingTime(300);
        h.setProcessingTime(400);
        h.setProcessingTime(600);

        assertThat(h.extractOutputStreamRecords()).extracting(StreamRecord::getTimestamp).containsExactly(100L, 50L, 300L);
        assertThat(h.extractWatermarks()).extracting(Watermark::getTimestamp).containsExactly(89L, 289L);
        h.close();
    }

    @Test
    void theIntervalComesFromTheOperatorOrTheJobAndZeroDisablesIt() throws Exception {
        TimestampsAndWatermarksOperator<Long> op = new TimestampsAndWatermarksOperator<>(outOfOrder(0));
        op.setAutoWatermarkInterval(50);
        OneInputStreamOperatorTestHarness<Long, Long> h = new OneInputStreamOperatorTestHarness<>(op);
        h.open();
        h.processElement(10L);
        h.setProcessingTime(50);
        h.processElement(20L);
        h.setProcessingTime(100);
        assertThat(h.extractWatermarks()).extracting(Watermark::getTimestamp).containsExactly(9L, 19L);
        h.close();

        TimestampsAndWatermarksOperator<Long> off = new TimestampsAndWatermarksOperator<>(outOfOrder(0));
        off.setAutoWatermarkInterval(0);
        OneInputStreamOperatorTestHarness<Long, Long> h2 = new OneInputStreamOperatorTestHarness<>(off);
        h2.open();
        h2.processElement(10L);
        h2.setProcessingTime(10_000);
        assertThat(h2.extractWatermarks()).isEmpty();
        assertThat(h2.getProcessingTimeService().getNumActiveTimers()).isZero();
        h2.close();

        Configuration job = Configuration.fromMap(Map.of("pipeline.auto-watermark-interval", "0 ms"));
        assertThat(TimestampsAndWatermarksOperator.resolveInterval(-1, job)).isZero();
        assertThat(TimestampsAndWatermarksOperator.resolveInterval(-1, new Configuration())).isEqualTo(200);
        assertThat(TimestampsAndWatermarksOperator.resolveInterval(30, job)).isEqualTo(30);
    }

    @Test
    void upstreamWatermarksAreReplacedButTheEndOfInputPassesThrough() throws Exception {
        TimestampsAndWatermarksOperator<Long> op = new TimestampsAndWatermarksOperator<>(outOfOrder(0));
        op.setAutoWatermarkInterval(0);
        OneInputStreamOperatorTestHarness<Long, Long> h = new OneInputStreamOperatorTestHarness<>(op);
        h.open();
        h.processWatermark(1_000);
        h.processWatermark(Long.MAX_VALUE);
        assertThat(h.extractWatermarks()).containsExactly(Watermark.MAX_WATERMARK);
        h.close();
    }

    @Test
    void idlenessIsMeasuredOnProcessingTimeAndEndsWithTheNextRecord() throws Exception {
        TimestampsAndWatermarksOperator<Long> op = new TimestampsAndWatermarksOperator<>(
                outOfOrder(0).withIdleness(Duration.ofMillis(500)));
        op.setAutoWatermarkInterval(100);
        OneInputStreamOperatorTestHarness<Long, Long> h = new OneInputStreamOperatorTestHarness<>(op);
        h.open();
        h.processElement(10L);
        for (long t = 100; t <= 700; t += 100) {
            h.setProcessingTime(t);
        }
        h.processElement(20L);
        h.setProcessingTime(800);

        List<Object> events = h.getOutput().stream().filter(o -> !(o instanceof StreamRecord)).toList();
        assertThat(events).containsExactly(new Watermark(9), WatermarkStatus.IDLE, WatermarkStatus.ACTIVE, new Watermark(19));
        InputWatermarkProgress generated = ((TimestampsAndWatermarksOperator<Long>) h.getOperator()).getWatermarkProgress().get(0);
        assertThat(generated.watermark()).isEqualTo(19);
        assertThat(generated.idle()).isFalse();
        h.close();
    }
}
