package dev.eddy.api.common.state;

/** A piece of state; keyed state is scoped to the current key. Task thread only. */
public interface State {
    /** Removes the value for the current key. */
    void clear();
}
