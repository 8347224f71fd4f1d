package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.runtime.state.VoidNamespace;

/**
 * The entry of the backend's current key and the state's current namespace in one state table:
 * what every heap state kind reads and writes. Without namespaces (state registered with
 * {@code VoidNamespaceSerializer}) the table's namespace is {@code null}. Task thread only.
 */
final class CurrentKeyEntry<K, V> implements KeyedEntry<V> {
    private final HeapKeyedStateBackend<K> backend;
    private final StateTable<Object, V> table;
    private final boolean namespaced;
    private final String stateName;
    private Object namespace;

    CurrentKeyEntry(HeapKeyedStateBackend<K> backend, StateTable<Object, V> table, boolean namespaced, String stateName) {
        this.backend = backend;
        this.table = table;
        this.namespaced = namespaced;
        this.stateName = stateName;
        this.namespace = namespaced ? null : VoidNamespace.INSTANCE;
    }

    /**
     * Scopes following accesses to {@code namespace}; null means none (accesses then fail). State
     * without namespaces accepts only {@link VoidNamespace} (or null, which it ignores).
     */
    void setNamespace(Object namespace) {
        if (!namespaced) {
            if (namespace != null && namespace != VoidNamespace.INSTANCE) {
                throw new IllegalArgumentException("State '" + stateName + "' was registered without namespace (VoidNamespace) and"
                        + " cannot be scoped to namespace '" + namespace + "'; register it with the namespace's serializer");
            }
            return;
        }
        this.namespace = namespace;
    }

    Object getNamespace() {
        return namespace;
    }

    /** The namespace to use in the table for the current access: null without namespaces. */
    private Object tableNamespace() {
        if (!namespaced) {
            return null;
        }
        Object ns = namespace;
        if (ns == null) {
            throw new IllegalStateException("No current namespace for state '" + stateName + "': call setCurrentNamespace before"
                    + " accessing namespaced state");
        }
        return ns;
    }

    /** The current key's value, or null when none. */
    @Override
    public V get() {
        Object key = backend.requireCurrentKey();
        return table.get(backend.getCurrentKeyGroupIndex(), key, tableNamespace());
    }

    @Override
    public void put(V value) {
        Object key = backend.requireCurrentKey();
        table.put(backend.getCurrentKeyGroupIndex(), key, tableNamespace(), value);
    }

    @Override
    public void update(Update<V> f) throws Exception {
        Object key = backend.requireCurrentKey();
        table.compute(backend.getCurrentKeyGroupIndex(), key, tableNamespace(), f);
    }

    @Override
    public void remove() {
        Object key = backend.requireCurrentKey();
        table.remove(backend.getCurrentKeyGroupIndex(), key, tableNamespace());
    }
}
