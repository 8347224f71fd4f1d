package dev.eddy.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.proto.ChannelWatermarkProto;
import dev.eddy.proto.InputWatermarkProto;
import dev.eddy.proto.JobStatusProto;
import dev.eddy.proto.JobWatermarksProto;
import dev.eddy.proto.SubtaskWatermarksProto;
import dev.eddy.proto.VertexWatermarksProto;
import org.junit.jupiter.api.Test;

class WatermarkViewTest {
    private static final String ID = "0123456789abcdef0123456789abcdef";

    private static ChannelWatermarkProto channel(String name, long watermark, boolean idle) {
        return ChannelWatermarkProto.newBuilder().setChannel(name).setWatermark(watermark).setIdle(idle).build();
    }

    private static JobWatermarksProto job() {
        InputWatermarkProto lagging = InputWatermarkProto.newBuilder().setInput("input 0").setWatermark(1_000)
                .addChannels(channel("Source: events (1/3)", 5_000, false))
                .addChannels(channel("Source: events (2/3)", 1_000, false))
                .addChannels(channel("Source: events (3/3)", Long.MIN_VALUE, true)).build();
        InputWatermarkProto idle = InputWatermarkProto.newBuilder().setInput("input 0").setWatermark(Long.MIN_VALUE).setIdle(true)
                .addChannels(channel("Source: events (3/3)", Long.MIN_VALUE, true)).build();
        InputWatermarkProto source = InputWatermarkProto.newBuilder().setInput("source").setWatermark(Long.MIN_VALUE)
                .addChannels(channel("split 7", Long.MIN_VALUE, false)).build();
        return JobWatermarksProto.newBuilder().setJobId(ID).setState("RUNNING")
                .addVertices(VertexWatermarksProto.newBuilder().setName("Source: events").setParallelism(1)
                        .addSubtasks(SubtaskWatermarksProto.newBuilder().setSubtaskIndex(0).setReported(true).addInputs(source)))
                .addVertices(VertexWatermarksProto.newBuilder().setName("Window").setParallelism(2)
                        .addSubtasks(SubtaskWatermarksProto.newBuilder().setSubtaskIndex(0).setReported(true).addInputs(lagging))
                        .addSubtasks(SubtaskWatermarksProto.newBuilder().setSubtaskIndex(1).setReported(true).addInputs(idle)))
                .build();
    }

    @Test
    void namesTheChannelOrSplitThatHoldsTheWatermarkBackAndIdleInputs() {
        JobWatermarksProto w = job();
        assertThat(WatermarkView.describe(w.getVertices(1).getSubtasks(0).getInputs(0))).isEqualTo(
                "input 0 at 1000, held back by Source: events (2/3) at 1000 (others up to 5000); 1 channel idle");
        assertThat(WatermarkView.describe(w.getVertices(1).getSubtasks(1).getInputs(0))).contains(", idle (it does not hold back event time downstream)");
        assertThat(WatermarkView.describe(w.getVertices(0).getSubtasks(0).getInputs(0)))
                .isEqualTo("source at no watermark yet, held back by split 7 at no watermark yet");
        assertThat(WatermarkView.formatWatermark(1_764_000_000_000L)).isEqualTo("1764000000000 (2025-11-24T16:00:00Z)");
        assertThat(WatermarkView.formatWatermark(Long.MAX_VALUE)).startsWith("end of input");
    }

    @Test
    void statusCommandPrintsTheWatermarksOfARunningJob() {
        ScriptedDispatcher dispatcher = new ScriptedDispatcher();
        dispatcher.jobs.put(ID, JobStatusProto.newBuilder().setJobId(ID).setJobName("Windows").setState("RUNNING").build());
        dispatcher.watermarks.put(ID, job());
        CliRun run = CliRun.of(dispatcher, null, "status", ID);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Watermarks:")
                .contains("Window (1/2): input 0 at 1000, held back by Source: events (2/3) at 1000")
                .contains("Window (2/2): input 0 at no watermark yet, idle")
                .contains("Source: events (1/1): source at no watermark yet, held back by split 7");
    }

    @Test
    void statusCommandSaysWhenWatermarksAreNotAvailable() {
        ScriptedDispatcher dispatcher = new ScriptedDispatcher();
        dispatcher.jobs.put(ID, JobStatusProto.newBuilder().setJobId(ID).setJobName("Old").setState("RUNNING").build());
        CliRun run = CliRun.of(dispatcher, null, "status", ID);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Watermarks: not available");
    }
}
