package dev.eddy.runtime.taskmanager.state.heap;

/** Reads and writes the value of the backend's current key in one state table. Task thread only. */
interface KeyedEntry<V> {
    /** The current key's value, or null when none. */
    V get();

    void put(V value);

    void remove();
}
