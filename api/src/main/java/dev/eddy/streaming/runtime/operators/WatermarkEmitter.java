package dev.eddy.streaming.runtime.operators;

import dev.eddy.api.common.eventtime.Watermark;
import dev.eddy.api.common.eventtime.WatermarkOutput;
import dev.eddy.streaming.api.operators.Output;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Turns what a {@link dev.eddy.api.common.eventtime.WatermarkGenerator} emits into in-band
 * elements on an operator {@link Output}: only watermarks above the last one are forwarded, and
 * the idle/active status is forwarded on changes. A watermark emitted while idle first marks the
 * output active again (a stream that makes progress is not idle). Task thread only.
 */
public final class WatermarkEmitter implements WatermarkOutput {
    private final Output<?> output;
    private final Runnable onChange;
    private long currentWatermark = Long.MIN_VALUE;
    private boolean idle;

    public WatermarkEmitter(Output<?> output) {
        this(output, () -> {});
    }

    /** @param onChange called (task thread) after every emitted watermark or status change */
    public WatermarkEmitter(Output<?> output, Runnable onChange) {
        this.output = output;
        this.onChange = onChange;
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        long ts = watermark.getTimestamp();
        if (ts <= currentWatermark) {
            return;
        }
        currentWatermark = ts;
        markActive();
        output.emitWatermark(ts == Long.MAX_VALUE ? dev.eddy.streaming.api.watermark.Watermark.MAX_WATERMARK
                : new dev.eddy.streaming.api.watermark.Watermark(ts));
        onChange.run();
    }

    @Override
    public void markIdle() {
        if (!idle) {
            idle = true;
            output.emitWatermarkStatus(WatermarkStatus.IDLE);
            onChange.run();
        }
    }

    @Override
    public void markActive() {
        if (idle) {
            idle = false;
            output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
            onChange.run();
        }
    }

    public long getCurrentWatermark() {
        return currentWatermark;
    }

    public boolean isIdle() {
        return idle;
    }
}
