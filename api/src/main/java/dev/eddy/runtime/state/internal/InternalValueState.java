package dev.eddy.runtime.state.internal;

import dev.eddy.api.common.state.ValueState;

/** Runtime side of {@link ValueState}. Task thread only. */
public interface InternalValueState<K, N, T> extends InternalKvState<K, N, T>, ValueState<T> {}
