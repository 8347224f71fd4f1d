package dev.eddy.streaming.api.functions.co;

import dev.eddy.api.common.functions.AbstractRichFunction;
import dev.eddy.util.Collector;
import dev.eddy.util.OutputTag;

/**
 * Processes each pair an interval join matched: a left and a right record with equal keys whose
 * timestamps lie within the join's bounds. Output records carry the larger of both timestamps.
 * Called on the task thread with the pair's key as current key.
 */
public abstract class ProcessJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(IN1 left, IN2 right, Context ctx, Collector<OUT> out) throws Exception;

    /** Valid only during the call it was passed to. */
    public abstract class Context {
        public abstract long getLeftTimestamp();

        public abstract long getRightTimestamp();

        /** The output timestamp: the larger of both. */
        public abstract long getTimestamp();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
