package dev.eddy.runtime.taskmanager.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusWatermarkValveTest {
    private final List<String> out = new ArrayList<>();
    private final StatusWatermarkValve.ValveOutput output = new StatusWatermarkValve.ValveOutput() {
        @Override
        public void emitWatermark(long timestamp) {
            out.add("W" + (timestamp == Long.MAX_VALUE ? "max" : String.valueOf(timestamp)));
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) {
            out.add(status.isIdle() ? "IDLE" : "ACTIVE");
        }
    };

    @Test
    void emitsTheMinimumOverChannelsOnlyWhenItAdvances() throws Exception {
        StatusWatermarkValve valve = new StatusWatermarkValve(3);
        valve.inputWatermark(10, 0, output);
        valve.inputWatermark(5, 1, output);
        assertThat(out).isEmpty(); // channel 2 has no watermark yet
        valve.inputWatermark(7, 2, output);
        valve.inputWatermark(8, 1, output);
        valve.inputWatermark(6, 1, output); // a channel going back changes nothing
        valve.inputWatermark(20, 2, output);
        valve.inputWatermark(9, 1, output);
        assertThat(out).containsExactly("W5", "W7", "W8", "W9");
        assertThat(valve.getCurrentWatermark()).isEqualTo(9);
    }

    @Test
    void anIdleChannelDoesNotHoldTheWatermarkBack() throws Exception {
        StatusWatermarkValve valve = new StatusWatermarkValve(2);
        valve.inputWatermark(100, 0, output);
        valve.inputWatermarkStatus(WatermarkStatus.IDLE, 1, output);
        valve.inputWatermark(150, 0, output);
        assertThat(out).containsExactly("W100", "W150");
        assertThat(valve.isIdle()).isFalse();
        assertThat(valve.isChannelIdle(1)).isTrue();
    }

    @Test
    void allChannelsIdleMakesTheInputIdleAfterFlushingTheHighestWatermark() throws Exception {
        StatusWatermarkValve valve = new StatusWatermarkValve(2);
        valve.inputWatermark(10, 0, output);
        valve.inputWatermark(30, 1, output);
        valve.inputWatermarkStatus(WatermarkStatus.IDLE, 0, output); // min moves to channel 1
        valve.inputWatermarkStatus(WatermarkStatus.IDLE, 1, output);
        valve.inputWatermarkStatus(WatermarkStatus.IDLE, 1, output); // repeated: ignored
        assertThat(out).containsExactly("W10", "W30", "IDLE");
        assertThat(valve.isIdle()).isTrue();
    }

    @Test
    void aChannelBecomingActiveRejoinsOnlyOnceItCaughtUp() throws Exception {
        StatusWatermarkValve valve = new StatusWatermarkValve(2);
        valve.inputWatermark(5, 1, output);
        valve.inputWatermarkStatus(WatermarkStatus.IDLE, 1, output);
        valve.inputWatermark(50, 0, output);
        valve.inputWatermarkStatus(WatermarkStatus.ACTIVE, 1, output);
        assertThat(valve.isChannelAligned(1)).isFalse();
        valve.inputWatermark(20, 1, output); // still behind 50: must not pull the input back
        valve.inputWatermark(60, 0, output); // channel 1 is not aligned: channel 0 alone decides
        valve.inputWatermark(70, 1, output); // caught up: rejoins
        valve.inputWatermark(80, 0, output);
        assertThat(out).containsExactly("W50", "W60", "W70");
        assertThat(valve.isChannelAligned(1)).isTrue();
    }

    @Test
    void becomingActiveAfterIdleAnnouncesActiveBeforeAnyWatermark() throws Exception {
        StatusWatermarkValve valve = new StatusWatermarkValve(1);
        valve.inputWatermark(10, 0, output);
        valve.inputWatermarkStatus(WatermarkStatus.IDLE, 0, output);
        valve.inputWatermark(99, 0, output); // ignored while idle
        valve.inputWatermarkStatus(WatermarkStatus.ACTIVE, 0, output);
        valve.inputWatermark(12, 0, output);
        assertThat(out).containsExactly("W10", "IDLE", "ACTIVE", "W12");
    }

    @Test
    void finishedChannelsStopHoldingBackAndTheEndOfAllInputIsMax() throws Exception {
        StatusWatermarkValve valve = new StatusWatermarkValve(2);
        valve.inputWatermark(10, 0, output);
        valve.inputWatermark(3, 1, output);
        valve.channelFinished(1, output);
        valve.inputWatermark(Long.MAX_VALUE, 0, output);
        valve.channelFinished(0, output);
        assertThat(out).containsExactly("W3", "W10", "Wmax");
    }

    @Test
    void whenTheLastActiveChannelFinishesTheRemainingIdleOnesMakeTheInputIdle() throws Exception {
        StatusWatermarkValve valve = new StatusWatermarkValve(2);
        valve.inputWatermark(10, 0, output);
        valve.inputWatermarkStatus(WatermarkStatus.IDLE, 1, output);
        valve.channelFinished(0, output); // only an idle channel is left
        valve.channelFinished(1, output); // nothing is made up at the very end
        assertThat(out).containsExactly("W10", "IDLE");
    }

    @Test
    void versionChangesWithEveryChannelUpdate() throws Exception {
        StatusWatermarkValve valve = new StatusWatermarkValve(2);
        long v0 = valve.version();
        valve.inputWatermark(1, 0, output);
        long v1 = valve.version();
        valve.inputWatermark(1, 0, output); // no change
        assertThat(valve.version()).isEqualTo(v1).isGreaterThan(v0);
        valve.inputWatermarkStatus(WatermarkStatus.IDLE, 1, output);
        assertThat(valve.version()).isGreaterThan(v1);
    }
}
