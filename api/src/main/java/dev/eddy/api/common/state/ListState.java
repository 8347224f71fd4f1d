package dev.eddy.api.common.state;

import java.util.List;

/**
 * A list of values per key. {@link #get()} returns an empty iterable when the current key has no
 * values; null elements are rejected. Task thread only.
 */
public interface ListState<T> extends MergingState<T, Iterable<T>> {
    /** Replaces the list of the current key; null or an empty list clears it. */
    void update(List<T> values) throws Exception;

    /** Appends all values to the list of the current key; null or an empty list does nothing. */
    void addAll(List<T> values) throws Exception;
}
