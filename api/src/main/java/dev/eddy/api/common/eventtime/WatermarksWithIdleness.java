package dev.eddy.api.common.eventtime;

import dev.eddy.util.clock.RelativeClock;
import java.time.Duration;

/**
 * Wraps a generator and marks its output idle once no event arrived for the idle timeout, measured
 * on the given clock (processing time) and checked at each periodic emit. The next event makes the
 * output active again (before that event's watermark, if any, is emitted). While idle, the wrapped
 * generator's periodic watermarks are not emitted. Task thread only, like every generator.
 */
public final class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {
    private final WatermarkGenerator<T> watermarks;
    private final RelativeClock clock;
    private final long idleTimeoutNanos;
    private long lastActivityNanos;
    private boolean idle;

    /**
     * @param idleTimeout how long without events until the output is idle (positive)
     * @param clock measures that time; read on the task thread
     */
    public WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout, RelativeClock clock) {
        if (watermarks == null || clock == null) {
            throw new IllegalArgumentException("watermarks and clock must not be null");
        }
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("The idle timeout must be positive, was " + idleTimeout);
        }
        this.watermarks = watermarks;
        this.clock = clock;
        this.idleTimeoutNanos = idleTimeout.toNanos();
        this.lastActivityNanos = clock.relativeTimeNanos();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        lastActivityNanos = clock.relativeTimeNanos();
        if (idle) {
            idle = false;
            output.markActive();
        }
        watermarks.onEvent(event, eventTimestamp, output);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (idle) {
            return;
        }
        if (clock.relativeTimeNanos() - lastActivityNanos >= idleTimeoutNanos) {
            idle = true;
            output.markIdle();
            return;
        }
        watermarks.onPeriodicEmit(output);
    }

    /** True while the output is marked idle. */
    public boolean isIdle() {
        return idle;
    }
}
