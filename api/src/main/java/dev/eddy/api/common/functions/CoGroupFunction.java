package dev.eddy.api.common.functions;

import dev.eddy.util.Collector;

/**
 * Processes the records of both inputs that share a key (and window): either group may be empty,
 * never both. The iterables are valid only during the call. Called on the task thread.
 */
@FunctionalInterface
public interface CoGroupFunction<IN1, IN2, O> extends Function {
    void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<O> out) throws Exception;
}
