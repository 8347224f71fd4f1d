package dev.eddy.api.common.functions;

import dev.eddy.util.Collector;

/** Transforms each record into zero, one or more records emitted through the collector. Task thread only. */
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Function {
    void flatMap(T value, Collector<O> out) throws Exception;
}
