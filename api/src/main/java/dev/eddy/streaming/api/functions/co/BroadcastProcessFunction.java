package dev.eddy.streaming.api.functions.co;

import dev.eddy.util.Collector;

/**
 * Processes a non-keyed stream connected with a broadcast stream. Every parallel instance sees
 * every broadcast record ({@link #processBroadcastElement}, read-write broadcast state) and its
 * share of the other stream ({@link #processElement}, read-only broadcast state). Task thread only.
 */
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> extends BaseBroadcastProcessFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    public abstract class Context extends BaseBroadcastProcessFunction.Context {}

    public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {}
}
