package dev.eddy.streaming.runtime.watermarkstatus;

import java.util.List;
import java.util.Optional;

/**
 * A point-in-time view of one input's event-time progress, for "why hasn't my window fired?"
 * diagnostics: the input's watermark and status and those of the channels it is made of (network
 * channels of a task input, or the splits of a source). Immutable; safe to hand to any thread.
 *
 * @param input what the input is ("input 0", "source")
 * @param watermark the input's current watermark ({@code Long.MIN_VALUE} before the first)
 * @param idle whether the input is idle
 * @param channels its channels (or splits), in order
 */
public record InputWatermarkProgress(String input, long watermark, boolean idle, List<ChannelProgress> channels) {
    public InputWatermarkProgress {
        channels = List.copyOf(channels);
    }

    /**
     * One channel or split.
     *
     * @param channel its name (a partition/subpartition, or a split id)
     * @param watermark the last watermark it delivered
     * @param idle whether it is idle (then it does not hold the input back)
     * @param finished whether it has ended (then it does not hold the input back either)
     */
    public record ChannelProgress(String channel, long watermark, boolean idle, boolean finished) {}

    /**
     * The channel holding this input's watermark back: among the channels that are neither idle nor
     * finished, the one with the lowest watermark, provided another such channel is ahead of it (or
     * the input is at {@code Long.MIN_VALUE}). Empty when nothing lags.
     */
    public Optional<ChannelProgress> laggingChannel() {
        ChannelProgress min = null;
        long max = Long.MIN_VALUE;
        int active = 0;
        for (ChannelProgress c : channels) {
            if (c.idle() || c.finished()) {
                continue;
            }
            active++;
            max = Math.max(max, c.watermark());
            if (min == null || c.watermark() < min.watermark()) {
                min = c;
            }
        }
        if (min == null || idle) {
            return Optional.empty();
        }
        boolean othersAhead = active > 1 && max > min.watermark();
        return othersAhead || min.watermark() == Long.MIN_VALUE ? Optional.of(min) : Optional.empty();
    }
}
