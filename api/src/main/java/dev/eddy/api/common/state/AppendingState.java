package dev.eddy.api.common.state;

/**
 * State to which values are added and from which one combined result is read, scoped to the
 * current key. Task thread only.
 */
public interface AppendingState<IN, OUT> extends State {
    /** The current result for the current key; what "no value" looks like depends on the kind. */
    OUT get() throws Exception;

    /** Adds a value for the current key; null values are not allowed. */
    void add(IN value) throws Exception;
}
