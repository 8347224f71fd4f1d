package dev.eddy.runtime.taskmanager.state.heap;

/**
 * The state-table key of namespaced heap state: the backend's key and the state's current
 * namespace (e.g. a window). State in {@code VoidNamespace} uses the plain key instead, so its
 * tables look as before namespaces existed. Immutable; relies on the key's and the namespace's
 * equals and hashCode.
 */
record NamespacedKey(Object key, Object namespace) {}
