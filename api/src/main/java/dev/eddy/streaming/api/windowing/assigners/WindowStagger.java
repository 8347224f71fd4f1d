package dev.eddy.streaming.api.windowing.assigners;

import dev.eddy.streaming.api.windowing.windows.TimeWindow;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the windows of different subtasks are shifted against each other, so that not every
 * subtask fires (and writes) at the same instant. Used by {@link TumblingProcessingTimeWindows}:
 * each subtask computes its shift once, when its first element arrives, and adds it to the offset.
 */
public enum WindowStagger {
    /** No shift: all subtasks' windows start at the same instants (the default). */
    ALIGNED {
        @Override
        public long getStaggerOffset(long currentProcessingTime, long size) {
            return 0L;
        }
    },

    /** A shift drawn uniformly from [0, size) per subtask. */
    RANDOM {
        @Override
        public long getStaggerOffset(long currentProcessingTime, long size) {
            return (long) (ThreadLocalRandom.current().nextDouble() * size);
        }
    },

    /** Windows start when the subtask's first element arrives: the time elapsed since the aligned window start. */
    NATURAL {
        @Override
        public long getStaggerOffset(long currentProcessingTime, long size) {
            long alignedStart = TimeWindow.getWindowStartWithOffset(currentProcessingTime, 0, size);
            return Math.max(0, currentProcessingTime - alignedStart);
        }
    };

    /** The shift, in [0, size), of windows of {@code size} for a subtask whose first element arrives at {@code currentProcessingTime}. */
    public abstract long getStaggerOffset(long currentProcessingTime, long size);
}
