package dev.eddy.streaming.runtime.watermarkstatus;

/**
 * Whether a stream (a source split, a channel, an operator's output) currently produces
 * watermarks. An IDLE input is left out of the minimum that forms an operator's watermark until
 * it becomes ACTIVE again. Travels in-band (tag {@code WATERMARK_STATUS}). Immutable.
 */
public final class WatermarkStatus {
    public static final WatermarkStatus IDLE = new WatermarkStatus(true);
    public static final WatermarkStatus ACTIVE = new WatermarkStatus(false);

    private final boolean idle;

    private WatermarkStatus(boolean idle) {
        this.idle = idle;
    }

    public boolean isIdle() {
        return idle;
    }

    public boolean isActive() {
        return !idle;
    }

    @Override
    public String toString() {
        return idle ? "WatermarkStatus(IDLE)" : "WatermarkStatus(ACTIVE)";
    }
}
