package dev.eddy.runtime.state.internal;

import dev.eddy.api.common.state.ReducingState;

/** Runtime side of {@link ReducingState}. Task thread only. */
public interface InternalReducingState<K, N, T> extends InternalMergingState<K, N, T, T, T>, ReducingState<T> {}
