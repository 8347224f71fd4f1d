package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.util.PairHash;
import java.util.function.UnaryOperator;

/**
 * A hash map from (key, namespace) to a value without an object per entry: the entries of one key
 * group of a {@link StateTable}.
 *
 * <p>Layout: open addressing with linear probing over a power-of-two number of slots, at most 3/4
 * full. {@code hashes[i]} holds the spread hash of slot i's pair (never 0; 0 marks an empty slot),
 * and {@code entries[3i .. 3i+2]} its key, namespace and value side by side, so that a lookup
 * reads the hash array until the hash matches and then one place for all three references (in
 * place of a hash-map node and a composite key object, each a dependent cache miss). Removal
 * shifts the following entries of the probe run back (no tombstones). State without namespaces
 * uses the namespace {@code null}. Keys and values are never null: putting null removes.
 *
 * <p>Not thread-safe. The owning table's task thread mutates it; once the table has pinned it for
 * a snapshot, it is never mutated again, and any thread may read it (see {@link StateTable}).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class KeyNamespaceMap<K, V> {
    private static final int MIN_CAPACITY = 8;

    /** Per slot: the spread hash of its pair, or 0 when empty. */
    private int[] hashes;
    /** Per slot i: key at 3i, namespace at 3i + 1, value at 3i + 2. */
    private Object[] entries;
    private int size;
    private int threshold;
    /** Changes on every insertion or removal, so {@link #compute} notices an update that changed the map. */
    private int modCount;

    KeyNamespaceMap() {
        allocate(MIN_CAPACITY);
    }

    private KeyNamespaceMap(KeyNamespaceMap<K, V> from, UnaryOperator<V> valueCopier) {
        hashes = from.hashes.clone();
        size = from.size;
        threshold = from.threshold;
        Object[] e = from.entries.clone();
        for (int i = 0; i < hashes.length; i++) {
            if (hashes[i] != 0) {
                @SuppressWarnings("unchecked")
                V value = (V) e[3 * i + 2];
                e[3 * i + 2] = valueCopier.apply(value);
            }
        }
        entries = e;
    }

    /** A copy of this map whose values are {@code valueCopier} applied to this map's values. */
    KeyNamespaceMap<K, V> copy(UnaryOperator<V> valueCopier) {
        return new KeyNamespaceMap<>(this, valueCopier);
    }

    private void allocate(int capacity) {
        hashes = new int[capacity];
        entries = new Object[capacity * 3];
        threshold = capacity - (capacity >>> 2);
    }

    /**
     * The spread hash of a (key, namespace) pair ({@link PairHash}), never 0 (0 marks an empty slot).
     */
    static int hash(Object key, Object namespace) {
        int h = PairHash.of(key, namespace);
        return h == 0 ? 1 : h;
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
        return slot < 0 ? null : (V) entries[3 * slot + 2];
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
            entries[3 * slot + 2] = value;
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
        V current = slot >= 0 ? (V) entries[3 * slot + 2] : null;
        V updated = f.apply(current);
        if (updated == null) {
            throw new NullPointerException("A state update returned null for key " + key + (namespace == null ? "" : " in namespace "
                    + namespace) + "; an update must return the new value (clear the state to remove it)");
        }
        if (mods != modCount) {
            put(key, namespace, updated); // f changed this map: the probe result is stale
        } else if (slot >= 0) {
            entries[3 * slot + 2] = updated;
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
        int[] hs = hashes;
        Object[] e = entries;
        for (int i = 0; i < hs.length; i++) {
            if (hs[i] != 0) {
                action.visit((K) e[3 * i], e[3 * i + 1], (V) e[3 * i + 2]);
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
        for (int i = 0; i < hashes.length; i++) {
            if (hashes[i] != 0) {
                out[j++] = entries[3 * i];
                out[j++] = entries[3 * i + 1];
            }
        }
        return out;
    }

    /** The slot of (key, namespace); when absent, {@code -(free slot) - 1} where it would go. */
    private int find(Object key, Object namespace, int h) {
        int[] hs = hashes;
        int mask = hs.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int candidate = hs[i];
            if (candidate == 0) {
                return -i - 1;
            }
            if (candidate == h) {
                Object[] e = entries;
                Object k = e[3 * i];
                if (k == key || k.equals(key)) {
                    Object ns = e[3 * i + 1];
                    if (ns == namespace || (ns != null && ns.equals(namespace))) {
                        return i;
                    }
                }
            }
        }
    }

    private void insertAt(int slot, Object key, Object namespace, int h, Object value) {
        hashes[slot] = h;
        entries[3 * slot] = key;
        entries[3 * slot + 1] = namespace;
        entries[3 * slot + 2] = value;
        modCount++;
        if (++size > threshold) {
            resize(hashes.length * 2);
        }
    }

    /** Empties {@code hole} and moves back the later entries of its probe run that may live there. */
    private void deleteAt(int hole) {
        int[] hs = hashes;
        Object[] e = entries;
        int mask = hs.length - 1;
        int i = hole;
        for (int j = (i + 1) & mask; hs[j] != 0; j = (j + 1) & mask) {
            int home = hs[j] & mask;
            // entry j may move to i when i lies on its probe path, cyclically in [home, j)
            if (((j - home) & mask) >= ((j - i) & mask)) {
                hs[i] = hs[j];
                e[3 * i] = e[3 * j];
                e[3 * i + 1] = e[3 * j + 1];
                e[3 * i + 2] = e[3 * j + 2];
                i = j;
            }
        }
        hs[i] = 0;
        e[3 * i] = null;
        e[3 * i + 1] = null;
        e[3 * i + 2] = null;
        modCount++;
        size--;
    }

    private void resize(int capacity) {
        int[] oldHashes = hashes;
        Object[] oldEntries = entries;
        allocate(capacity);
        int mask = capacity - 1;
        for (int j = 0; j < oldHashes.length; j++) {
            int h = oldHashes[j];
            if (h != 0) {
                int i = h & mask;
                while (hashes[i] != 0) {
                    i = (i + 1) & mask;
                }
                hashes[i] = h;
                entries[3 * i] = oldEntries[3 * j];
                entries[3 * i + 1] = oldEntries[3 * j + 1];
                entries[3 * i + 2] = oldEntries[3 * j + 2];
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < hashes.length; i++) {
            if (hashes[i] != 0) {
                sb.append(sb.length() > 1 ? ", " : "").append(entries[3 * i]).append('/').append(entries[3 * i + 1]).append('=')
                        .append(entries[3 * i + 2]);
            }
        }
        return sb.append('}').toString();
    }
}
