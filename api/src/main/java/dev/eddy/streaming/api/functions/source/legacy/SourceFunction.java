package dev.eddy.streaming.api.functions.source.legacy;

import dev.eddy.api.common.functions.Function;
import dev.eddy.streaming.api.watermark.Watermark;

/**
 * A legacy source: {@link #run} emits records until the data ends or {@link #cancel} is called.
 * Non-parallel unless it implements {@link ParallelSourceFunction}.
 *
 * <p>Threading: Eddy calls {@link #run} on the task thread; {@link #cancel} comes from another
 * thread and should only set a (volatile) flag that {@code run} checks.
 */
public interface SourceFunction<T> extends Function {
    void run(SourceContext<T> ctx) throws Exception;

    void cancel();

    /** How a source emits. Task thread only. */
    interface SourceContext<T> {
        void collect(T element);

        void collectWithTimestamp(T element, long timestamp);

        void emitWatermark(Watermark mark);

        void markAsTemporarilyIdle();

        /**
         * Kept for Flink compatibility: Eddy runs sources on the task thread, so synchronizing on
         * this object is harmless and unnecessary.
         */
        Object getCheckpointLock();

        void close();
    }
}
