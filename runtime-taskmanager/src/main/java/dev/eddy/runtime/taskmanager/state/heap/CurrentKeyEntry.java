package dev.eddy.runtime.taskmanager.state.heap;

/**
 * The entry of the backend's current key in one state table: what every heap state kind reads and
 * writes. Task thread only.
 */
final class CurrentKeyEntry<K, V> implements KeyedEntry<V> {
    private final HeapKeyedStateBackend<K> backend;
    private final StateTable<K, V> table;

    CurrentKeyEntry(HeapKeyedStateBackend<K> backend, StateTable<K, V> table) {
        this.backend = backend;
        this.table = table;
    }

    /** The current key's value, or null when none. */
    @Override
    public V get() {
        return table.get(backend.getCurrentKeyGroupIndex(), backend.requireCurrentKey());
    }

    @Override
    public void put(V value) {
        table.put(backend.getCurrentKeyGroupIndex(), backend.requireCurrentKey(), value);
    }

    @Override
    public void remove() {
        table.remove(backend.getCurrentKeyGroupIndex(), backend.requireCurrentKey());
    }
}
