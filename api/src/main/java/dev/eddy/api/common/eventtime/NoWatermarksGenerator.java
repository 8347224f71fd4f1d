package dev.eddy.api.common.eventtime;

/** Emits no watermarks at all (processing-time jobs, or watermarks assigned downstream). */
public final class NoWatermarksGenerator<T> implements WatermarkGenerator<T> {
    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
}
