package dev.eddy.api.common.state;

/**
 * One accumulator per key, fed by {@link #add} through the descriptor's
 * {@link dev.eddy.api.common.functions.AggregateFunction}; {@link #get()} returns the function's
 * result for the accumulator, or null when the current key has none. Task thread only.
 */
public interface AggregatingState<IN, OUT> extends MergingState<IN, OUT> {}
