package dev.eddy.api.common.state;

import java.io.IOException;

/** One value per key. */
public interface ValueState<T> extends State {
    /** The value for the current key, or null when none was set. */
    T value() throws IOException;

    /** Sets the value for the current key; null clears it. */
    void update(T value) throws IOException;
}
