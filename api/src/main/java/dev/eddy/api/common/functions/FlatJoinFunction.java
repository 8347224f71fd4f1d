package dev.eddy.api.common.functions;

import dev.eddy.util.Collector;

/** Turns one pair of joined records into zero or more results. Called on the task thread. */
@FunctionalInterface
public interface FlatJoinFunction<IN1, IN2, OUT> extends Function {
    void join(IN1 first, IN2 second, Collector<OUT> out) throws Exception;
}
