package dev.eddy.api.common.state;

/**
 * One value per key that {@link #add} combines with the new value through the descriptor's
 * {@link dev.eddy.api.common.functions.ReduceFunction}. {@link #get()} is null when the current key
 * has no value. Task thread only.
 */
public interface ReducingState<T> extends MergingState<T, T> {}
