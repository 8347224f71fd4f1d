package dev.eddy.runtime.state.internal;

import dev.eddy.api.common.state.ListState;
import java.util.List;

/** Runtime side of {@link ListState}. Task thread only. */
public interface InternalListState<K, N, T> extends InternalMergingState<K, N, T, List<T>, Iterable<T>>, ListState<T> {}
