package dev.eddy.runtime.taskmanager.state.heap;

import java.util.function.UnaryOperator;

/**
 * A hash map from (key, namespace) to a value without an object per entry: the entries of one key
 * group of a {@link StateTable}.
 *
 * <p>Layout: parallel arrays {@code keys}, {@code namespaces}, {@code values} and {@code hashes}
 * of a power-of-two capacity, open addressing with linear probing, at most 3/4 full. A slot is
 * empty when its key is null (keys are never null). The stored hash is compared before
 * {@code equals}, so a probe touches the key and namespace objects only on a likely match.
 * Removal shifts the following entries of the probe run back (no tombstones). State without
 * namespaces uses the namespace {@code null}. Values are never null: putting null removes.
 *
 * <p>Not thread-safe. The owning table's task thread mutates it; once the table has pinned it for
 * a snapshot, it is never mutated again, and any thread may read it (see {@link StateTable}).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class KeyNamespaceMap<K, V> {
    private static final int MIN_CAPACITY = 8;

    private Object[] keys;
    private Object[] namespaces;
    private Object[] values;
    private int[] hashes;
    private int size;
    private int threshold;
    /** Changes on every insertion or removal, so {@link #compute} notices an update that changed the map. */
    private int modCount;

    KeyNamespaceMap() {
        allocate(MIN_CAPACITY);
    }

    private KeyNamespaceMap(KeyNamespaceMap<K, V> from, UnaryOperator<V> valueCopier) {
        keys = from.keys.clone();
        namespaces = from.namespaces.clone();
        hashes = from.hashes.clone();
        size = from.size;
        threshold = from.threshold;
        Object[] v = from.values.clone();
        for (int i = 0; i < v.length; i++) {
            if (keys[i] != null) {
                @SuppressWarnings("unchecked")
                V value = (V) v[i];
                v[i] = valueCopier.apply(value);
            }
        }
        values = v;
    }

    /** A copy of this map whose values are {@code valueCopier} applied to this map's values. */
    KeyNamespaceMap<K, V> copy(UnaryOperator<V> valueCopier) {
        return new KeyNamespaceMap<>(this, valueCopier);
    }

    private void allocate(int capacity) {
        keys = new Object[capacity];
        namespaces = new Object[capacity];
        values = new Object[capacity];
        hashes = new int[capacity];
        threshold = capacity - (capacity >>> 2);
    }

    /**
     * The spread hash of a (key, namespace) pair: Murmur3's 32-bit finalizer over the combined
     * hash codes, so that sequential ids fill the low bits that pick the slot.
     */
    static int hash(Object key, Object namespace) {
        int h = 31 * key.hashCode() + (namespace == null ? 0 : namespace.hashCode());
        h = (h ^ (h >>> 16)) * 0x85EBCA6B;
        h = (h ^ (h >>> 13)) * 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The value of (key, namespace), or null. */
    @SuppressWarnings("unchecked")
    V get(K key, Object namespace) {
        int slot = find(key, namespace, hash(key, namespace));
        return slot < 0 ? null : (V) values[slot];
    }

    /** Sets the value of (key, namespace); null removes the entry. */
    void put(K key, Object namespace, V value) {
        if (value == null) {
            remove(key, namespace);
            return;
        }
        int h = hash(key, namespace);
        int slot = find(key, namespace, h);
        if (slot >= 0) {
            values[slot] = value;
        } else {
            insertAt(-slot - 1, key, namespace, h, value);
        }
    }

    /**
     * Replaces the value of (key, namespace) with {@code f(current)} ({@code current} null when
     * absent) with one probe. What {@code f} throws is rethrown and leaves the map unchanged;
     * {@code f} must not return null.
     */
    @SuppressWarnings("unchecked")
    void compute(K key, Object namespace, KeyedEntry.Update<V> f) throws Exception {
        int h = hash(key, namespace);
        int slot = find(key, namespace, h);
        int mods = modCount;
        V current = slot >= 0 ? (V) values[slot] : null;
        V updated = f.apply(current);
        if (updated == null) {
            throw new NullPointerException("A state update returned null for key " + key + (namespace == null ? "" : " in namespace "
                    + namespace) + "; an update must return the new value (clear the state to remove it)");
        }
        if (mods != modCount) {
            put(key, namespace, updated); // f changed this map: the probe result is stale
        } else if (slot >= 0) {
            values[slot] = updated;
        } else {
            insertAt(-slot - 1, key, namespace, h, updated);
        }
    }

    /** Removes (key, namespace); @return true if it was present */
    boolean remove(K key, Object namespace) {
        int slot = find(key, namespace, hash(key, namespace));
        if (slot < 0) {
            return false;
        }
        deleteAt(slot);
        return true;
    }

    /** Calls {@code action} for every entry, in slot order. Do not modify the map meanwhile. */
    @SuppressWarnings("unchecked")
    <E extends Exception> void forEach(EntryVisitor<K, V, E> action) throws E {
        Object[] k = keys;
        for (int i = 0; i < k.length; i++) {
            if (k[i] != null) {
                action.visit((K) k[i], namespaces[i], (V) values[i]);
            }
        }
    }

    /** Receives the entries of {@link #forEach}. */
    @FunctionalInterface
    interface EntryVisitor<K, V, E extends Exception> {
        void visit(K key, Object namespace, V value) throws E;
    }

    /** The (key, namespace) pairs now held, flattened as key0, namespace0, key1, namespace1, … */
    Object[] keyNamespacePairs() {
        Object[] out = new Object[size * 2];
        int j = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                out[j++] = keys[i];
                out[j++] = namespaces[i];
            }
        }
        return out;
    }

    /** The slot of (key, namespace); when absent, {@code -(free slot) - 1} where it would go. */
    private int find(Object key, Object namespace, int h) {
        Object[] k = keys;
        int mask = k.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            Object candidate = k[i];
            if (candidate == null) {
                return -i - 1;
            }
            if (hashes[i] == h && (candidate == key || candidate.equals(key))) {
                Object ns = namespaces[i];
                if (ns == namespace || (ns != null && ns.equals(namespace))) {
                    return i;
                }
            }
        }
    }

    private void insertAt(int slot, Object key, Object namespace, int h, Object value) {
        keys[slot] = key;
        namespaces[slot] = namespace;
        values[slot] = value;
        hashes[slot] = h;
        modCount++;
        if (++size > threshold) {
            resize(keys.length * 2);
        }
    }

    /** Empties {@code hole} and moves back the later entries of its probe run that may live there. */
    private void deleteAt(int hole) {
        Object[] k = keys;
        int mask = k.length - 1;
        int i = hole;
        for (int j = (i + 1) & mask; k[j] != null; j = (j + 1) & mask) {
            int home = hashes[j] & mask;
            // entry j may move to i when i lies on its probe path, cyclically in [home, j)
            if (((j - home) & mask) >= ((j - i) & mask)) {
                k[i] = k[j];
                namespaces[i] = namespaces[j];
                values[i] = values[j];
                hashes[i] = hashes[j];
                i = j;
            }
        }
        k[i] = null;
        namespaces[i] = null;
        values[i] = null;
        modCount++;
        size--;
    }

    private void resize(int capacity) {
        Object[] oldKeys = keys;
        Object[] oldNamespaces = namespaces;
        Object[] oldValues = values;
        int[] oldHashes = hashes;
        allocate(capacity);
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = oldHashes[j] & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                namespaces[i] = oldNamespaces[j];
                values[i] = oldValues[j];
                hashes[i] = oldHashes[j];
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                sb.append(sb.length() > 1 ? ", " : "").append(keys[i]).append('/').append(namespaces[i]).append('=').append(values[i]);
            }
        }
        return sb.append('}').toString();
    }
}
