package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.runtime.state.KeyGroupRange;
import java.util.HashMap;
import java.util.Map;

/**
 * The values of one keyed state, organised by key group: one hash map per key group of the
 * subtask's range, so that a snapshot (or a rescale) can take whole key groups. Task thread only.
 */
public final class StateTable<K, V> {
    private final KeyGroupRange range;
    private final Map<K, V>[] byKeyGroup;

    @SuppressWarnings("unchecked")
    public StateTable(KeyGroupRange range) {
        this.range = range;
        this.byKeyGroup = new Map[range.getNumberOfKeyGroups()];
    }

    public V get(int keyGroup, K key) {
        Map<K, V> m = byKeyGroup[keyGroup - range.getStartKeyGroup()];
        return m == null ? null : m.get(key);
    }

    public void put(int keyGroup, K key, V value) {
        int i = keyGroup - range.getStartKeyGroup();
        Map<K, V> m = byKeyGroup[i];
        if (m == null) {
            m = new HashMap<>();
            byKeyGroup[i] = m;
        }
        m.put(key, value);
    }

    public void remove(int keyGroup, K key) {
        Map<K, V> m = byKeyGroup[keyGroup - range.getStartKeyGroup()];
        if (m != null) {
            m.remove(key);
        }
    }

    /** The live entries of one key group (empty map when none); do not modify. */
    public Map<K, V> getKeyGroup(int keyGroup) {
        if (!range.contains(keyGroup)) {
            throw new IllegalArgumentException("Key group " + keyGroup + " is not in " + range);
        }
        Map<K, V> m = byKeyGroup[keyGroup - range.getStartKeyGroup()];
        return m == null ? Map.of() : m;
    }

    /** Number of entries over all key groups. */
    public int size() {
        int n = 0;
        for (Map<K, V> m : byKeyGroup) {
            n += m == null ? 0 : m.size();
        }
        return n;
    }

    public KeyGroupRange getKeyGroupRange() {
        return range;
    }
}
