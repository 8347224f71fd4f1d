package dev.eddy.runtime.taskmanager.state.heap;

/** Reads and writes the value of the backend's current key in one state table. Task thread only. */
interface KeyedEntry<V> {
    /** The current key's value, or null when none. */
    V get();

    void put(V value);

    void remove();

    /**
     * Replaces the current key's value with {@code f(current)} ({@code current} null when none;
     * {@code f} must not return null). Entries that can do it in one table lookup do; the default
     * is a get and a put. When {@code f} throws, the value is left unchanged.
     */
    default void update(Update<V> f) throws Exception {
        put(f.apply(get()));
    }

    /** A value transformation that may throw, as user reduce and aggregate functions may. */
    @FunctionalInterface
    interface Update<V> {
        V apply(V current) throws Exception;
    }
}
