package dev.eddy.streaming.api.operators.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.eventtime.RecordTimestampAssigner;
import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.api.connector.source.SourceOutput;
import dev.eddy.streaming.api.operators.Output;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.InputWatermarkProgress;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-split watermarks of the reader output: minimum over active splits, idle splits left out. */
class SourceOutputWatermarksTest {
    private final List<String> out = new ArrayList<>();
    private final Output<StreamRecord<Long>> output = new Output<>() {
        @Override
        public void emitWatermark(Watermark mark) {
            out.add("W" + (mark.getTimestamp() == Long.MAX_VALUE ? "max" : mark.getTimestamp()));
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) {
            out.add(status.isIdle() ? "IDLE" : "ACTIVE");
        }

        @Override
        public void collect(StreamRecord<Long> record) {}

        @Override
        public void close() {}
    };

    private SourceOutputImpl<Long> sourceOutput() {
        WatermarkStrategy<Long> strategy = WatermarkStrategy.forMonotonousTimestamps();
        return new SourceOutputImpl<>(output, new RecordTimestampAssigner<>(), () -> strategy.createWatermarkGenerator(null));
    }

    @Test
    void theSourceWatermarkIsTheMinimumOverItsSplits() {
        SourceOutputImpl<Long> o = sourceOutput();
        SourceOutput<Long> a = o.createOutputForSplit("a");
        SourceOutput<Long> b = o.createOutputForSplit("b");
        a.collect(1L, 100);
        o.emitPeriodicWatermark();
        assertThat(out).as("split b has nothing yet and holds the source back").isEmpty();
        b.collect(2L, 40);
        o.emitPeriodicWatermark();
        a.collect(3L, 300);
        b.collect(4L, 250);
        o.emitPeriodicWatermark();
        assertThat(out).containsExactly("W39", "W249");

        List<InputWatermarkProgress> progress = o.getWatermarkProgress();
        assertThat(progress).hasSize(1);
        assertThat(progress.get(0).watermark()).isEqualTo(249);
        assertThat(progress.get(0).laggingChannel()).get().extracting(InputWatermarkProgress.ChannelProgress::channel)
                .isEqualTo("split b");
    }

    @Test
    void anIdleSplitIsLeftOutAndAllIdleMakesTheSourceIdle() {
        SourceOutputImpl<Long> o = sourceOutput();
        SourceOutput<Long> a = o.createOutputForSplit("a");
        SourceOutput<Long> b = o.createOutputForSplit("b");
        a.collect(1L, 100);
        b.markIdle();
        o.emitPeriodicWatermark();
        a.markIdle();
        b.collect(2L, 50); // active again, behind: the source watermark does not go back
        o.emitPeriodicWatermark();
        b.collect(3L, 500);
        o.emitPeriodicWatermark();
        assertThat(out).containsExactly("W99", "IDLE", "ACTIVE", "W499");
    }

    @Test
    void aReleasedSplitNoLongerHoldsTheSourceBackAndTheEndIsMax() {
        SourceOutputImpl<Long> o = sourceOutput();
        SourceOutput<Long> a = o.createOutputForSplit("a");
        SourceOutput<Long> b = o.createOutputForSplit("b");
        a.collect(1L, 10);
        b.collect(2L, 1_000);
        o.emitPeriodicWatermark();
        o.releaseOutputForSplit("a");
        o.emitFinalWatermark();
        assertThat(out).containsExactly("W9", "W999", "Wmax");
    }

    @Test
    void withIdlenessASplitWithoutRecordsGoesIdle() throws Exception {
        WatermarkStrategy<Long> strategy = WatermarkStrategy.<Long>forMonotonousTimestamps().withIdleness(Duration.ofMillis(1));
        SourceOutputImpl<Long> o = new SourceOutputImpl<>(output, new RecordTimestampAssigner<>(),
                () -> strategy.createWatermarkGenerator(null));
        SourceOutput<Long> a = o.createOutputForSplit("a");
        o.createOutputForSplit("quiet");
        a.collect(1L, 100);
        Thread.sleep(5);
        a.collect(2L, 101); // keeps split a active
        o.emitPeriodicWatermark();
        assertThat(out).containsExactly("W100");
    }
}
