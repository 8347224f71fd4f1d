package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.runtime.state.KeyGroupRange;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The values of one keyed state, organised by key group: one hash map per key group of the
 * subtask's range, so that a snapshot (or a rescale) can take whole key groups.
 *
 * <p>Copy-on-write snapshots: {@link #pinForSnapshot()} (task thread) hands the current key-group
 * maps to a snapshot and marks each as pinned. The first {@link #get}, {@link #put} or
 * {@link #remove} of a pinned key group replaces its map with a copy (values deep-copied by the
 * table's value copier, since the states mutate stored lists, maps and TTL timestamps in place and
 * users may mutate the values they read) and works on the copy; the pinned map is never changed
 * again. {@link Pinned#release()} (any thread, once the snapshot has read the maps) unpins them.
 * Everything else: task thread only.
 */
public final class StateTable<K, V> {
    private final KeyGroupRange range;
    private final KeyGroupMap<K, V>[] byKeyGroup;
    private UnaryOperator<V> valueCopier = UnaryOperator.identity();
    /** Reused by {@link #compute} (task thread only), so an update allocates no function object. */
    private final ComputeAdapter<K, V> computeAdapter = new ComputeAdapter<>();

    @SuppressWarnings("unchecked")
    public StateTable(KeyGroupRange range) {
        this.range = range;
        this.byKeyGroup = new KeyGroupMap[range.getNumberOfKeyGroups()];
    }

    /** How a value is copied when a pinned key group is copied (default: shared by reference). */
    public void setValueCopier(UnaryOperator<V> valueCopier) {
        this.valueCopier = valueCopier;
    }

    public V get(int keyGroup, K key) {
        Map<K, V> m = forAccess(keyGroup - range.getStartKeyGroup());
        return m == null ? null : m.get(key);
    }

    public void put(int keyGroup, K key, V value) {
        forWrite(keyGroup - range.getStartKeyGroup()).put(key, value);
    }

    /**
     * Replaces the value of {@code key} with {@code f(current)} in one hash lookup (the map's
     * {@code compute}); what {@code f} throws is rethrown and leaves the value unchanged.
     */
    public void compute(int keyGroup, K key, KeyedEntry.Update<V> f) throws Exception {
        Map<K, V> m = forWrite(keyGroup - range.getStartKeyGroup());
        ComputeAdapter<K, V> adapter = computeAdapter;
        adapter.update = f;
        try {
            m.compute(key, adapter);
        } finally {
            adapter.update = null;
        }
        Exception failure = adapter.failure;
        if (failure != null) {
            adapter.failure = null;
            throw failure;
        }
    }

    public void remove(int keyGroup, K key) {
        Map<K, V> m = forAccess(keyGroup - range.getStartKeyGroup());
        if (m != null) {
            m.remove(key);
        }
    }

    /** The map of key group index {@code i} for a write: {@link #forAccess}, created when there is none yet. */
    private Map<K, V> forWrite(int i) {
        Map<K, V> m = forAccess(i);
        if (m == null) {
            KeyGroupMap<K, V> fresh = new KeyGroupMap<>(new HashMap<>());
            byKeyGroup[i] = fresh;
            m = fresh.map;
        }
        return m;
    }

    /** The map of key group index {@code i}, copied first when a snapshot holds it; null when none. */
    private Map<K, V> forAccess(int i) {
        KeyGroupMap<K, V> m = byKeyGroup[i];
        if (m == null) {
            return null;
        }
        if (m.pins.get() > 0) {
            HashMap<K, V> copy = new HashMap<>(Math.max(16, (int) (m.map.size() / 0.75f) + 1));
            for (Map.Entry<K, V> e : m.map.entrySet()) {
                copy.put(e.getKey(), valueCopier.apply(e.getValue()));
            }
            m = new KeyGroupMap<>(copy);
            byKeyGroup[i] = m;
        }
        return m.map;
    }

    /**
     * The entries of one key group (empty map when none), for reading only: neither modify it nor
     * modify the values in it.
     */
    public Map<K, V> getKeyGroup(int keyGroup) {
        if (!range.contains(keyGroup)) {
            throw new IllegalArgumentException("Key group " + keyGroup + " is not in " + range);
        }
        KeyGroupMap<K, V> m = byKeyGroup[keyGroup - range.getStartKeyGroup()];
        return m == null ? Map.of() : m.map;
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
                m.pins.incrementAndGet();
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
        public Map<K, V> getKeyGroup(int keyGroup) {
            KeyGroupMap<K, V> m = maps[keyGroup - range.getStartKeyGroup()];
            return m == null ? Map.of() : m.map;
        }

        /** Lets the task change the maps in place again. Idempotent. */
        public void release() {
            if (released) {
                return;
            }
            released = true;
            for (KeyGroupMap<K, V> m : maps) {
                if (m != null) {
                    m.pins.decrementAndGet();
                }
            }
        }
    }

    /** Calls an {@link KeyedEntry.Update} from {@code HashMap.compute}, keeping what it throws for the caller. */
    private static final class ComputeAdapter<K, V> implements java.util.function.BiFunction<K, V, V> {
        KeyedEntry.Update<V> update;
        Exception failure;

        @Override
        public V apply(K key, V current) {
            try {
                return java.util.Objects.requireNonNull(update.apply(current), "a state update returned null");
            } catch (Exception e) {
                failure = e;
                return current; // unchanged (null keeps the key absent)
            }
        }
    }

    /** One key group's map and how many snapshots still read it. */
    private static final class KeyGroupMap<K, V> {
        final HashMap<K, V> map;
        final AtomicInteger pins = new AtomicInteger();

        KeyGroupMap(HashMap<K, V> map) {
            this.map = map;
        }
    }
}
