package dev.eddy.streaming.api.operators;

import java.util.Arrays;
import java.util.Objects;

/**
 * The (key, namespace) pairs of the timers of one timestamp in {@link InternalTimerQueue}, in
 * registration order, each at most once, without an object per timer.
 *
 * <p>Layout: parallel arrays {@code keys}, {@code namespaces} and {@code hashes}, filled in
 * registration order from slot 0; a removed pair leaves a tombstone (its key slot set to
 * {@link #REMOVED}) that the next rebuild drops. An open-addressing index ({@code int[]}, power of
 * two, at most half full, linear probing) maps a pair's hash to {@code slot + 1} (0 = empty). Index
 * entries of removed slots stay until the rebuild and are skipped by lookups, so no index deletion
 * is needed. {@code head} is the first slot that may be live (polling advances it).
 *
 * <p>Not thread-safe: task thread only, like its queue.
 */
final class TimerBucket {
    /** Key slot marker of a removed pair (tombstone). */
    private static final Object REMOVED = new Object();

    private Object[] keys;
    private Object[] namespaces;
    private int[] hashes;
    private int[] index;
    /** Slots used so far (live and removed). */
    private int used;
    /** Live pairs. */
    private int size;
    /** No live slot below this one. */
    private int head;

    /** A bucket holding two pairs, in this order (the second known to differ from the first). */
    TimerBucket(Object key1, Object namespace1, Object key2, Object namespace2) {
        keys = new Object[4];
        namespaces = new Object[4];
        hashes = new int[4];
        index = new int[8];
        add(key1, namespace1);
        add(key2, namespace2);
    }

    /**
     * The spread hash of a pair. Keys are often sequential numbers; the Murmur3 finalizer's steps
     * spread them over the whole int range so that masking the low bits works.
     */
    static int hash(Object key, Object namespace) {
        int h = 31 * Objects.hashCode(key) + Objects.hashCode(namespace);
        h = (h ^ (h >>> 16)) * 0x85EBCA6B;
        h = (h ^ (h >>> 13)) * 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    int size() {
        return size;
    }

    /** Appends the pair unless present; @return true if it was new */
    boolean add(Object key, Object namespace) {
        int h = hash(key, namespace);
        if (find(key, namespace, h) >= 0) {
            return false;
        }
        if (used == keys.length) {
            rebuild(size >= keys.length / 2 ? keys.length * 2 : keys.length);
        }
        int slot = used++;
        keys[slot] = key;
        namespaces[slot] = namespace;
        hashes[slot] = h;
        insertIndex(h, slot);
        size++;
        return true;
    }

    /** Removes the pair; @return true if it was present */
    boolean remove(Object key, Object namespace) {
        int slot = find(key, namespace, hash(key, namespace));
        if (slot < 0) {
            return false;
        }
        kill(slot);
        return true;
    }

    /** Slot of the first live pair; the bucket must not be empty. */
    int firstSlot() {
        int s = head;
        while (keys[s] == REMOVED) {
            s++;
        }
        head = s;
        return s;
    }

    Object keyAt(int slot) {
        return keys[slot];
    }

    Object namespaceAt(int slot) {
        return namespaces[slot];
    }

    /** Removes the pair in {@code slot}, which must be live. */
    void kill(int slot) {
        keys[slot] = REMOVED;
        namespaces[slot] = null;
        size--;
        if (slot == head) {
            head++;
        }
    }

    /** Calls {@code action} for every live pair in registration order. */
    void forEach(PairConsumer action) {
        for (int s = head; s < used; s++) {
            Object k = keys[s];
            if (k != REMOVED) {
                action.accept(k, namespaces[s]);
            }
        }
    }

    /** Receives the pairs of {@link #forEach}. */
    @FunctionalInterface
    interface PairConsumer {
        void accept(Object key, Object namespace);
    }

    private int find(Object key, Object namespace, int h) {
        int[] idx = index;
        int mask = idx.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int e = idx[i];
            if (e == 0) {
                return -1;
            }
            int slot = e - 1;
            if (hashes[slot] == h) {
                Object k = keys[slot];
                if (k != REMOVED && Objects.equals(k, key) && Objects.equals(namespaces[slot], namespace)) {
                    return slot;
                }
            }
        }
    }

    private void insertIndex(int h, int slot) {
        int[] idx = index;
        int mask = idx.length - 1;
        int i = h & mask;
        while (idx[i] != 0) {
            i = (i + 1) & mask;
        }
        idx[i] = slot + 1;
    }

    /** Drops the tombstones into arrays of {@code capacity} slots and rebuilds the index. */
    private void rebuild(int capacity) {
        Object[] k = capacity == keys.length ? keys : new Object[capacity];
        Object[] n = capacity == keys.length ? namespaces : new Object[capacity];
        int[] hs = capacity == keys.length ? hashes : new int[capacity];
        int live = 0;
        for (int s = head; s < used; s++) {
            if (keys[s] != REMOVED) {
                k[live] = keys[s];
                n[live] = namespaces[s];
                hs[live] = hashes[s];
                live++;
            }
        }
        Arrays.fill(k, live, capacity, null);
        Arrays.fill(n, live, capacity, null);
        keys = k;
        namespaces = n;
        hashes = hs;
        used = live;
        head = 0;
        if (index.length == capacity * 2) {
            Arrays.fill(index, 0);
        } else {
            index = new int[capacity * 2];
        }
        for (int s = 0; s < live; s++) {
            insertIndex(hs[s], s);
        }
    }
}
