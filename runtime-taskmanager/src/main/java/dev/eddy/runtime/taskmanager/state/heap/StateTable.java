package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.runtime.state.KeyGroupRange;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.UnaryOperator;

/**
 * The values of one keyed state, organised by key group: one {@link KeyNamespaceMap} from
 * (key, namespace) to value per key group of the subtask's range, so that a snapshot (or a
 * rescale) can take whole key groups. State without namespaces uses the namespace {@code null}.
 *
 * <p>Copy-on-write snapshots: {@link #pinForSnapshot()} (task thread) hands the current key-group
 * maps to a snapshot and marks each as pinned. The first {@link #get}, {@link #put},
 * {@link #compute} or {@link #remove} of a pinned key group replaces its map with a copy (values
 * deep-copied by the table's value copier, since the states mutate stored lists, maps and TTL
 * timestamps in place and users may mutate the values they read) and works on the copy; the pinned
 * map is never changed again. {@link Pinned#release()} (any thread, once the snapshot has read the
 * maps) unpins them. Everything else: task thread only.
 */
public final class StateTable<K, V> {
    private final KeyGroupRange range;
    private final KeyGroupMap<K, V>[] byKeyGroup;
    private UnaryOperator<V> valueCopier = UnaryOperator.identity();
    /** What {@link #getKeyGroup} returns for a key group without entries; never modified. */
    @SuppressWarnings("rawtypes")
    private static final KeyNamespaceMap EMPTY = new KeyNamespaceMap<>();

    @SuppressWarnings("unchecked")
    public StateTable(KeyGroupRange range) {
        this.range = range;
        this.byKeyGroup = new KeyGroupMap[range.getNumberOfKeyGroups()];
    }

    /** How a value is copied when a pinned key group is copied (default: shared by reference). */
    public void setValueCopier(UnaryOperator<V> valueCopier) {
        this.valueCopier = valueCopier;
    }

    /** The value of (key, namespace) in {@code keyGroup}, or null. */
    public V get(int keyGroup, K key, Object namespace) {
        KeyNamespaceMap<K, V> m = forAccess(keyGroup - range.getStartKeyGroup());
        return m == null ? null : m.get(key, namespace);
    }

    /** Sets the value of (key, namespace) in {@code keyGroup}; null removes it. */
    public void put(int keyGroup, K key, Object namespace, V value) {
        forWrite(keyGroup - range.getStartKeyGroup()).put(key, namespace, value);
    }

    /**
     * Replaces the value of (key, namespace) with {@code f(current)} in one hash probe; what
     * {@code f} throws is rethrown and leaves the value unchanged.
     */
    public void compute(int keyGroup, K key, Object namespace, KeyedEntry.Update<V> f) throws Exception {
        forWrite(keyGroup - range.getStartKeyGroup()).compute(key, namespace, f);
    }

    public void remove(int keyGroup, K key, Object namespace) {
        KeyNamespaceMap<K, V> m = forAccess(keyGroup - range.getStartKeyGroup());
        if (m != null) {
            m.remove(key, namespace);
        }
    }

    /** The map of key group index {@code i} for a write: {@link #forAccess}, created when there is none yet. */
    private KeyNamespaceMap<K, V> forWrite(int i) {
        KeyNamespaceMap<K, V> m = forAccess(i);
        if (m == null) {
            KeyGroupMap<K, V> fresh = new KeyGroupMap<>(new KeyNamespaceMap<>());
            byKeyGroup[i] = fresh;
            m = fresh.map;
        }
        return m;
    }

    /** The map of key group index {@code i}, copied first when a snapshot holds it; null when none. */
    private KeyNamespaceMap<K, V> forAccess(int i) {
        KeyGroupMap<K, V> m = byKeyGroup[i];
        if (m == null) {
            return null;
        }
        if (m.pins > 0) {
            m = new KeyGroupMap<>(m.map.copy(valueCopier));
            byKeyGroup[i] = m;
        }
        return m.map;
    }

    /**
     * The entries of one key group (an empty map when none), for reading only: neither modify the
     * map nor the values in it, and do not keep it across changes of this table.
     */
    KeyNamespaceMap<K, V> getKeyGroup(int keyGroup) {
        if (!range.contains(keyGroup)) {
            throw new IllegalArgumentException("Key group " + keyGroup + " is not in " + range);
        }
        KeyGroupMap<K, V> m = byKeyGroup[keyGroup - range.getStartKeyGroup()];
        return m == null ? empty() : m.map;
    }

    @SuppressWarnings("unchecked")
    private static <K, V> KeyNamespaceMap<K, V> empty() {
        return EMPTY;
    }

    /** Number of entries over all key groups. */
    public int size() {
        int n = 0;
        for (KeyGroupMap<K, V> m : byKeyGroup) {
            n += m == null ? 0 : m.map.size();
        }
        return n;
    }

    public KeyGroupRange getKeyGroupRange() {
        return range;
    }

    /** Freezes the current contents for a snapshot (task thread); see the class comment. */
    public Pinned<K, V> pinForSnapshot() {
        KeyGroupMap<K, V>[] pinned = byKeyGroup.clone();
        for (KeyGroupMap<K, V> m : pinned) {
            if (m != null) {
                KeyGroupMap.PINS.incrementAndGet(m);
            }
        }
        return new Pinned<>(range, pinned);
    }

    /**
     * The key-group maps of one table as a snapshot saw them. Read from any one thread; the maps
     * do not change until {@link #release()}, which must be called exactly once.
     */
    public static final class Pinned<K, V> {
        private final KeyGroupRange range;
        private final KeyGroupMap<K, V>[] maps;
        private boolean released;

        Pinned(KeyGroupRange range, KeyGroupMap<K, V>[] maps) {
            this.range = range;
            this.maps = maps;
        }

        /** The frozen entries of a key group (empty when none). */
        KeyNamespaceMap<K, V> getKeyGroup(int keyGroup) {
            KeyGroupMap<K, V> m = maps[keyGroup - range.getStartKeyGroup()];
            return m == null ? empty() : m.map;
        }

        /** Lets the task change the maps in place again. Idempotent. */
        public void release() {
            if (released) {
                return;
            }
            released = true;
            for (KeyGroupMap<K, V> m : maps) {
                if (m != null) {
                    KeyGroupMap.PINS.decrementAndGet(m);
                }
            }
        }
    }

    /** One key group's map and how many snapshots still read it. */
    private static final class KeyGroupMap<K, V> {
        @SuppressWarnings("rawtypes")
        static final AtomicIntegerFieldUpdater<KeyGroupMap> PINS = AtomicIntegerFieldUpdater.newUpdater(KeyGroupMap.class, "pins");
        final KeyNamespaceMap<K, V> map;
        /** Changed only through {@link #PINS}; a field rather than an AtomicInteger saves a load per access. */
        volatile int pins;

        KeyGroupMap(KeyNamespaceMap<K, V> map) {
            this.map = map;
        }
    }
}
