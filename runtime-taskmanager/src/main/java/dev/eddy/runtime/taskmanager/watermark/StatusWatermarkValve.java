package dev.eddy.runtime.taskmanager.watermark;

import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;
import java.util.Arrays;

/**
 * Combines the watermarks and watermark statuses of several channels into the watermark and
 * status of one input. Task thread only.
 *
 * <p>Rules:
 * <ul>
 *   <li>The input's watermark is the minimum over the <em>aligned</em> channels: those that are
 *       active, not finished, and whose watermark has caught up with the input's watermark. It is
 *       emitted only when it advances.</li>
 *   <li>A channel that becomes idle leaves the minimum (which may then advance). When every
 *       channel that has not finished is idle, the input is idle: it first flushes the highest
 *       channel watermark (no active channel can hold it back any more) and then emits
 *       {@link WatermarkStatus#IDLE}.</li>
 *   <li>A channel that becomes active again emits {@link WatermarkStatus#ACTIVE} if the input was
 *       idle, but rejoins the minimum only once its watermark reaches the input's watermark: the
 *       input's watermark never goes backwards.</li>
 *   <li>Watermarks arriving on an idle channel are ignored (a producer announces ACTIVE first).</li>
 *   <li>A finished channel (end of partition) no longer holds the minimum back. No watermark is
 *       made up when every channel has finished: producers send {@code Long.MAX_VALUE} themselves
 *       when their input ends (marking themselves active first).</li>
 * </ul>
 */
public final class StatusWatermarkValve {
    /** Where the valve emits the input's watermark and status changes. */
    public interface ValveOutput {
        void emitWatermark(long timestamp) throws Exception;

        void emitWatermarkStatus(WatermarkStatus status) throws Exception;
    }

    private final long[] watermarks;
    private final boolean[] idle;
    private final boolean[] aligned;
    private final boolean[] finished;
    private long lastOutputWatermark = Long.MIN_VALUE;
    private boolean outputIdle;
    private long version;

    public StatusWatermarkValve(int numberOfChannels) {
        if (numberOfChannels < 1) {
            throw new IllegalArgumentException("A watermark valve needs at least one channel, got " + numberOfChannels);
        }
        watermarks = new long[numberOfChannels];
        Arrays.fill(watermarks, Long.MIN_VALUE);
        idle = new boolean[numberOfChannels];
        aligned = new boolean[numberOfChannels];
        Arrays.fill(aligned, true);
        finished = new boolean[numberOfChannels];
    }

    /** A watermark arrived on {@code channel}. */
    public void inputWatermark(long timestamp, int channel, ValveOutput output) throws Exception {
        if (idle[channel] || finished[channel] || timestamp <= watermarks[channel]) {
            return;
        }
        watermarks[channel] = timestamp;
        version++;
        if (!aligned[channel] && timestamp >= lastOutputWatermark) {
            aligned[channel] = true;
        }
        emitMinOfAligned(output);
    }

    /** A watermark status arrived on {@code channel}; repeated statuses are ignored. */
    public void inputWatermarkStatus(WatermarkStatus status, int channel, ValveOutput output) throws Exception {
        if (finished[channel] || status.isIdle() == idle[channel]) {
            return;
        }
        version++;
        if (status.isIdle()) {
            idle[channel] = true;
            aligned[channel] = false;
            if (!hasActiveChannel()) {
                becomeIdle(output);
            } else if (watermarks[channel] == lastOutputWatermark) {
                emitMinOfAligned(output); // this channel may have been the one holding the minimum back
            }
        } else {
            idle[channel] = false;
            aligned[channel] = watermarks[channel] >= lastOutputWatermark;
            if (outputIdle) {
                outputIdle = false;
                output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
            }
        }
    }

    /** {@code channel} delivered its last element; it no longer holds anything back. */
    public void channelFinished(int channel, ValveOutput output) throws Exception {
        if (finished[channel]) {
            return;
        }
        finished[channel] = true;
        aligned[channel] = false;
        version++;
        if (hasActiveChannel()) {
            emitMinOfAligned(output);
        } else if (hasUnfinishedChannel() && !outputIdle) {
            becomeIdle(output); // only idle channels are left
        }
    }

    private void becomeIdle(ValveOutput output) throws Exception {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < watermarks.length; i++) {
            if (!finished[i]) {
                max = Math.max(max, watermarks[i]);
            }
        }
        if (max > lastOutputWatermark) {
            lastOutputWatermark = max;
            output.emitWatermark(max);
        }
        if (!outputIdle) {
            outputIdle = true;
            output.emitWatermarkStatus(WatermarkStatus.IDLE);
        }
    }

    private void emitMinOfAligned(ValveOutput output) throws Exception {
        long min = Long.MAX_VALUE;
        boolean any = false;
        for (int i = 0; i < watermarks.length; i++) {
            if (aligned[i] && !idle[i] && !finished[i]) {
                any = true;
                min = Math.min(min, watermarks[i]);
            }
        }
        if (any && min > lastOutputWatermark) {
            lastOutputWatermark = min;
            output.emitWatermark(min);
        }
    }

    private boolean hasActiveChannel() {
        for (int i = 0; i < idle.length; i++) {
            if (!idle[i] && !finished[i]) {
                return true;
            }
        }
        return false;
    }

    private boolean hasUnfinishedChannel() {
        for (boolean f : finished) {
            if (!f) {
                return true;
            }
        }
        return false;
    }

    public int getNumberOfChannels() {
        return watermarks.length;
    }

    /** The input's watermark (the last one emitted), {@code Long.MIN_VALUE} before the first. */
    public long getCurrentWatermark() {
        return lastOutputWatermark;
    }

    public boolean isIdle() {
        return outputIdle;
    }

    public long getChannelWatermark(int channel) {
        return watermarks[channel];
    }

    public boolean isChannelIdle(int channel) {
        return idle[channel];
    }

    public boolean isChannelAligned(int channel) {
        return aligned[channel];
    }

    public boolean isChannelFinished(int channel) {
        return finished[channel];
    }

    /** Increases whenever any channel's watermark or status changed; lets callers republish snapshots lazily. */
    public long version() {
        return version;
    }
}
