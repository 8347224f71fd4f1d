package dev.eddy.runtime.taskmanager.state.heap;

import java.util.Objects;

/**
 * The state-table key of namespaced heap state: the backend's key and the state's current
 * namespace (e.g. a window). State in {@code VoidNamespace} uses the plain key instead, so its
 * tables look as before namespaces existed. Immutable; relies on the key's and the namespace's
 * equals and hashCode, and computes the combined hash once (a window operator looks the same
 * entry up several times per record).
 */
final class NamespacedKey {
    private final Object key;
    private final Object namespace;
    private final int hash;

    NamespacedKey(Object key, Object namespace) {
        this.key = key;
        this.namespace = namespace;
        int h = 31 * Objects.hashCode(key) + Objects.hashCode(namespace);
        // spread keys from narrow id ranges over the table; HashMap's own spread (h ^ h >>> 16) would
        // cancel a final xor-shift by 16, so mix with 13 and a multiply (Murmur3's finalizer steps)
        h = (h ^ (h >>> 16)) * 0x85EBCA6B;
        this.hash = h ^ (h >>> 13);
    }

    Object key() {
        return key;
    }

    Object namespace() {
        return namespace;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof NamespacedKey other && other.hash == hash && Objects.equals(other.key, key)
                && Objects.equals(other.namespace, namespace);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "NamespacedKey[key=" + key + ", namespace=" + namespace + "]";
    }
}
