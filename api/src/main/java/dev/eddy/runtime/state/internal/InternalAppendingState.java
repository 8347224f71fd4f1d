package dev.eddy.runtime.state.internal;

import dev.eddy.api.common.state.AppendingState;

/**
 * Appending state with raw access to the stored value ({@code SV}: the list of a list state, the
 * accumulator of an aggregating state, the value of a reducing state). Task thread only.
 */
public interface InternalAppendingState<K, N, IN, SV, OUT> extends InternalKvState<K, N, SV>, AppendingState<IN, OUT> {
    /** The stored value of the current key and namespace, or null. */
    SV getInternal() throws Exception;

    /** Replaces the stored value of the current key and namespace (null clears it). */
    void updateInternal(SV value) throws Exception;
}
