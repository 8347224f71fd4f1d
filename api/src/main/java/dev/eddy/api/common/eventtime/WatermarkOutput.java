package dev.eddy.api.common.eventtime;

/** Where a {@link WatermarkGenerator} emits watermarks. Task thread only. */
public interface WatermarkOutput {
    /** Emits a watermark; watermarks not above the last emitted one are ignored. */
    void emitWatermark(Watermark watermark);

    /** Marks this output idle: it does not hold back downstream watermarks. */
    void markIdle();

    /** Marks this output active again. */
    void markActive();
}
