package dev.eddy.runtime.taskmanager.watermark;

import dev.eddy.proto.ChannelWatermarkProto;
import dev.eddy.proto.InputWatermarkProto;
import dev.eddy.streaming.runtime.watermarkstatus.InputWatermarkProgress;
import java.util.List;

/** Converts published watermark progress into its control-plane form. Stateless. */
public final class WatermarkProtos {
    private WatermarkProtos() {}

    public static InputWatermarkProto toProto(InputWatermarkProgress input) {
        InputWatermarkProto.Builder b = InputWatermarkProto.newBuilder()
                .setInput(input.input()).setWatermark(input.watermark()).setIdle(input.idle());
        for (InputWatermarkProgress.ChannelProgress c : input.channels()) {
            b.addChannels(ChannelWatermarkProto.newBuilder().setChannel(c.channel()).setWatermark(c.watermark())
                    .setIdle(c.idle()).setFinished(c.finished()));
        }
        return b.build();
    }

    public static List<InputWatermarkProto> toProtos(List<InputWatermarkProgress> inputs) {
        return inputs.stream().map(WatermarkProtos::toProto).toList();
    }
}
