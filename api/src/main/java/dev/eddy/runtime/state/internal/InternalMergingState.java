package dev.eddy.runtime.state.internal;

import dev.eddy.api.common.state.MergingState;
import java.util.Collection;

/** Appending state whose namespaces can be merged (merging windows). Task thread only. */
public interface InternalMergingState<K, N, IN, SV, OUT> extends InternalAppendingState<K, N, IN, SV, OUT>, MergingState<IN, OUT> {
    /**
     * For the current key: merges the stored values of {@code sources} into {@code target} (with
     * the state's reduce/aggregate/list-append semantics) and clears the sources. Sources without a
     * value are skipped; {@code target} may be among the sources.
     */
    void mergeNamespaces(N target, Collection<N> sources) throws Exception;
}
