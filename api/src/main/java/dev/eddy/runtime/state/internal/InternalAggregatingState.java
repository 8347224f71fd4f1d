package dev.eddy.runtime.state.internal;

import dev.eddy.api.common.state.AggregatingState;

/** Runtime side of {@link AggregatingState}; the stored value is the accumulator. Task thread only. */
public interface InternalAggregatingState<K, N, IN, ACC, OUT> extends InternalMergingState<K, N, IN, ACC, OUT>, AggregatingState<IN, OUT> {}
