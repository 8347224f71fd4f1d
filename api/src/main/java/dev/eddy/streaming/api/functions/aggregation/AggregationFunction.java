package dev.eddy.streaming.api.functions.aggregation;

import dev.eddy.api.common.functions.ReduceFunction;

/** A built-in rolling aggregation of a keyed stream (sum, min, max, minBy, maxBy). */
public abstract class AggregationFunction<T> implements ReduceFunction<T> {
    private static final long serialVersionUID = 1L;

    /** The kinds of aggregation. */
    public enum AggregationType {
        SUM, MIN, MAX, MINBY, MAXBY
    }
}
