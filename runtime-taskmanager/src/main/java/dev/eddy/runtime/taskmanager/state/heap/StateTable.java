package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.runtime.state.KeyGroupRange;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.UnaryOperator;

/**
 * The values of one keyed state, organised by key group: one {@link KeyNamespaceMap} from
 * (key, namespace) to value per key group of the subtask's range, so that a snapshot (or a
 * rescale) can take whole key groups. State without namespaces uses the namespace {@code null}.
 *
 * <p>Copy-on-write snapshots, per entry: {@link #pinForSnapshot()} (task thread) hands the current
 * key-group maps to a snapshot and marks each as pinned; a pinned map is never changed. While a key
 * group is pinned, its writes go to a small overlay map of that key group (a removal as a
 * tombstone), and a read of an entry not in the overlay returns the pinned map's value, first
 * copied into the overlay by the table's value copier when that makes a new object (the states
 * mutate stored lists, maps and TTL timestamps in place, and users may mutate the values they
 * read). {@link Pinned#release()} (any thread, once the snapshot has read the maps) unpins them; the
 * next access on the task thread folds the overlay into the map. So a checkpoint costs memory for
 * the entries touched while its asynchronous part runs, not a copy of every touched key group.
 * Whole-key-group reads ({@link #getKeyGroup}, {@link #size}) and a second snapshot while the first
 * still pins a key group with an overlay fall back to one copy of that key group. Everything else:
 * task thread only.
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
        KeyGroupMap<K, V> m = current(keyGroup - range.getStartKeyGroup());
        if (m == null) {
            return null;
        }
        return m.pins > 0 ? overlayRead(m, key, namespace) : m.map.get(key, namespace);
    }

    /** Sets the value of (key, namespace) in {@code keyGroup}; null removes it. */
    public void put(int keyGroup, K key, Object namespace, V value) {
        KeyGroupMap<K, V> m = forWrite(keyGroup - range.getStartKeyGroup());
        if (m.pins > 0) {
            m.overlay().put(key, namespace, value == null ? TOMBSTONE : value);
        } else {
            m.map.put(key, namespace, value);
        }
    }

    /**
     * Replaces the value of (key, namespace) with {@code f(current)} in one hash probe (two while a
     * snapshot pins the key group); what {@code f} throws is rethrown and leaves the value unchanged.
     */
    public void compute(int keyGroup, K key, Object namespace, KeyedEntry.Update<V> f) throws Exception {
        KeyGroupMap<K, V> m = forWrite(keyGroup - range.getStartKeyGroup());
        if (m.pins == 0) {
            m.map.compute(key, namespace, f);
            return;
        }
        V updated = f.apply(overlayRead(m, key, namespace));
        if (updated == null) {
            throw new NullPointerException("A state update returned null for key " + key + "; an update must return the new value"
                    + " (clear the state to remove it)");
        }
        m.overlay().put(key, namespace, updated);
    }

    public void remove(int keyGroup, K key, Object namespace) {
        KeyGroupMap<K, V> m = current(keyGroup - range.getStartKeyGroup());
        if (m == null) {
            return;
        }
        if (m.pins > 0) {
            m.overlay().put(key, namespace, TOMBSTONE);
        } else {
            m.map.remove(key, namespace);
        }
    }

    /** The value of (key, namespace) of a pinned key group: the overlay's, else a private copy of the pinned map's. */
    @SuppressWarnings("unchecked")
    private V overlayRead(KeyGroupMap<K, V> m, K key, Object namespace) {
        KeyNamespaceMap<K, Object> overlay = m.overlay;
        if (overlay != null) {
            Object v = overlay.get(key, namespace);
            if (v != null) {
                return v == TOMBSTONE ? null : (V) v;
            }
        }
        V pinned = m.map.get(key, namespace);
        if (pinned == null) {
            return null;
        }
        V copy = valueCopier.apply(pinned);
        if (copy != pinned) {
            m.overlay().put(key, namespace, copy); // mutations of the copy must not reach the pinned map
        }
        return copy;
    }

    /** The key group's map for a write, created when there is none yet. */
    private KeyGroupMap<K, V> forWrite(int i) {
        KeyGroupMap<K, V> m = current(i);
        if (m == null) {
            m = new KeyGroupMap<>(new KeyNamespaceMap<>());
            byKeyGroup[i] = m;
        }
        return m;
    }

    /** The key group's map, its overlay folded in first when no snapshot pins it any more; null when none. */
    private KeyGroupMap<K, V> current(int i) {
        KeyGroupMap<K, V> m = byKeyGroup[i];
        if (m != null && m.overlay != null && m.pins == 0) {
            m.foldOverlay();
        }
        return m;
    }

    /**
     * The key group's map with everything applied, for whole-map reads and for a new snapshot:
     * a pinned map with an overlay is replaced by an unpinned copy with the overlay applied.
     */
    private KeyGroupMap<K, V> materialized(int i) {
        KeyGroupMap<K, V> m = current(i);
        if (m != null && m.overlay != null) {
            KeyGroupMap<K, V> copy = new KeyGroupMap<>(m.map.copy(valueCopier));
            copy.overlay = m.overlay;
            copy.foldOverlay();
            byKeyGroup[i] = copy;
            m = copy;
        }
        return m;
    }

    /**
     * The entries of one key group (an empty map when none), for reading only: neither modify the
     * map nor the values in it, and do not keep it across changes of this table.
     */
    KeyNamespaceMap<K, V> getKeyGroup(int keyGroup) {
        if (!range.contains(keyGroup)) {
            throw new IllegalArgumentException("Key group " + keyGroup + " is not in " + range);
        }
        KeyGroupMap<K, V> m = materialized(keyGroup - range.getStartKeyGroup());
        return m == null ? empty() : m.map;
    }

    /**
     * The (key, namespace) pairs of one key group, flattened as key0, namespace0, key1, … — without
     * copying a key group a snapshot pins: then the pinned map's pairs followed by the overlay's,
     * which may repeat a pair or name a removed one. For cursors that look every pair up again.
     */
    Object[] keyNamespacePairs(int keyGroup) {
        KeyGroupMap<K, V> m = current(keyGroup - range.getStartKeyGroup());
        if (m == null) {
            return new Object[0];
        }
        Object[] pairs = m.map.keyNamespacePairs();
        if (m.overlay == null) {
            return pairs;
        }
        Object[] written = m.overlay.keyNamespacePairs();
        Object[] all = Arrays.copyOf(pairs, pairs.length + written.length);
        System.arraycopy(written, 0, all, pairs.length, written.length);
        return all;
    }

    @SuppressWarnings("unchecked")
    private static <K, V> KeyNamespaceMap<K, V> empty() {
        return EMPTY;
    }

    /** Number of entries over all key groups. */
    public int size() {
        int n = 0;
        for (int i = 0; i < byKeyGroup.length; i++) {
            KeyGroupMap<K, V> m = materialized(i);
            n += m == null ? 0 : m.map.size();
        }
        return n;
    }

    public KeyGroupRange getKeyGroupRange() {
        return range;
    }

    /** Freezes the current contents for a snapshot (task thread); see the class comment. */
    public Pinned<K, V> pinForSnapshot() {
        for (int i = 0; i < byKeyGroup.length; i++) {
            materialized(i);
        }
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

    /** The overlay value of a removed entry. */
    private static final Object TOMBSTONE = new Object();

    /** One key group's map, how many snapshots still read it, and the writes made meanwhile. */
    private static final class KeyGroupMap<K, V> {
        @SuppressWarnings("rawtypes")
        static final AtomicIntegerFieldUpdater<KeyGroupMap> PINS = AtomicIntegerFieldUpdater.newUpdater(KeyGroupMap.class, "pins");
        final KeyNamespaceMap<K, V> map;
        /** Changed only through {@link #PINS}; a field rather than an AtomicInteger saves a load per access. */
        volatile int pins;
        /** Values written while pinned ({@link #TOMBSTONE} for removals); null when none. Task thread only. */
        KeyNamespaceMap<K, Object> overlay;

        KeyGroupMap(KeyNamespaceMap<K, V> map) {
            this.map = map;
        }

        KeyNamespaceMap<K, Object> overlay() {
            if (overlay == null) {
                overlay = new KeyNamespaceMap<>();
            }
            return overlay;
        }

        /** Applies the overlay to the (no longer pinned) map and drops it. Task thread. */
        @SuppressWarnings("unchecked")
        void foldOverlay() {
            KeyNamespaceMap<K, Object> o = overlay;
            overlay = null;
            o.forEach((key, namespace, value) -> map.put(key, namespace, value == TOMBSTONE ? null : (V) value));
        }
    }
}
