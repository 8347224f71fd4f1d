package dev.eddy.streaming.api.operators.async;

import dev.eddy.streaming.api.watermark.Watermark;

/**
 * An element in the async operator's queue: an input record waiting for its results
 * ({@link RecordEntry}) or a watermark ({@link WatermarkEntry}, always done). Task thread only.
 */
abstract class QueueEntry {
    /** True when the entry may be emitted once its turn comes. */
    abstract boolean isDone();

    /** A watermark in the queue. */
    static final class WatermarkEntry extends QueueEntry {
        final Watermark watermark;

        WatermarkEntry(Watermark watermark) {
            this.watermark = watermark;
        }

        @Override
        boolean isDone() {
            return true;
        }

        @Override
        public String toString() {
            return "WatermarkEntry{" + watermark.getTimestamp() + "}";
        }
    }
}
