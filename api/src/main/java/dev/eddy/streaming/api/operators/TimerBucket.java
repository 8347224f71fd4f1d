package dev.eddy.streaming.api.operators;

import dev.eddy.util.PairHash;
import java.util.Arrays;
import java.util.Objects;

/**
 * The (key, namespace) pairs of the timers of one timestamp in {@link InternalTimerQueue}, in
 * registration order, each at most once, without an object per timer.
 *
 * <p>Layout: {@code pairs} holds key and namespace side by side ({@code 2·slot}, {@code 2·slot+1}),
 * filled in registration order from slot 0; a removed pair leaves a tombstone (its key set to
 * {@link #REMOVED}) that the next rebuild drops. An open-addressing index ({@code long[]}, power of
 * two, at most half full, linear probing) holds {@code hash << 32 | (slot + 1)} (0 = empty), so a
 * probe compares hashes without touching the pairs. Index entries of removed slots stay until the
 * rebuild and are skipped by lookups, so no index deletion is needed. {@code head} is the first
 * slot that may be live (polling advances it).
 *
 * <p>Not thread-safe: task thread only, like its queue.
 */
final class TimerBucket {
    /** Key slot marker of a removed pair (tombstone). */
    private static final Object REMOVED = new Object();

    /** key of slot s at 2s, namespace at 2s + 1 */
    private Object[] pairs;
    private long[] index;
    /** Slots used so far (live and removed). */
    private int used;
    /** Live pairs. */
    private int size;
    /** No live slot below this one. */
    private int head;

    /** A bucket holding two pairs, in this order (the second known to differ from the first). */
    TimerBucket(Object key1, Object namespace1, Object key2, Object namespace2) {
        pairs = new Object[8];
        index = new long[8];
        add(key1, namespace1);
        add(key2, namespace2);
    }

    /** The spread hash of a pair ({@link PairHash}). */
    static int hash(Object key, Object namespace) {
        return PairHash.of(key, namespace);
    }

    private int capacity() {
        return pairs.length >> 1;
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
        if (used == capacity()) {
            rebuild(size >= capacity() / 2 ? capacity() * 2 : capacity());
        }
        int slot = used++;
        pairs[2 * slot] = key;
        pairs[2 * slot + 1] = namespace;
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
        while (pairs[2 * s] == REMOVED) {
            s++;
        }
        head = s;
        return s;
    }

    Object keyAt(int slot) {
        return pairs[2 * slot];
    }

    Object namespaceAt(int slot) {
        return pairs[2 * slot + 1];
    }

    /** Removes the pair in {@code slot}, which must be live. */
    void kill(int slot) {
        pairs[2 * slot] = REMOVED;
        pairs[2 * slot + 1] = null;
        size--;
        if (slot == head) {
            head++;
        }
    }

    /** Calls {@code action} for every live pair in registration order. */
    void forEach(PairConsumer action) {
        Object[] p = pairs;
        for (int s = head; s < used; s++) {
            Object k = p[2 * s];
            if (k != REMOVED) {
                action.accept(k, p[2 * s + 1]);
            }
        }
    }

    /** Receives the pairs of {@link #forEach}. */
    @FunctionalInterface
    interface PairConsumer {
        void accept(Object key, Object namespace);
    }

    private int find(Object key, Object namespace, int h) {
        long[] idx = index;
        int mask = idx.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            long e = idx[i];
            if (e == 0) {
                return -1;
            }
            if ((int) (e >>> 32) == h) {
                int slot = (int) e - 1;
                Object k = pairs[2 * slot];
                if (k != REMOVED && Objects.equals(k, key) && Objects.equals(pairs[2 * slot + 1], namespace)) {
                    return slot;
                }
            }
        }
    }

    private void insertIndex(int h, int slot) {
        long[] idx = index;
        int mask = idx.length - 1;
        int i = h & mask;
        while (idx[i] != 0) {
            i = (i + 1) & mask;
        }
        idx[i] = ((long) h << 32) | (slot + 1);
    }

    /** Drops the tombstones into room for {@code capacity} slots and rebuilds the index (hashes recomputed). */
    private void rebuild(int capacity) {
        Object[] p = capacity == capacity() ? pairs : new Object[capacity * 2];
        int live = 0;
        for (int s = head; s < used; s++) {
            Object k = pairs[2 * s];
            if (k != REMOVED) {
                p[2 * live] = k;
                p[2 * live + 1] = pairs[2 * s + 1];
                live++;
            }
        }
        Arrays.fill(p, 2 * live, p.length, null);
        pairs = p;
        used = live;
        head = 0;
        if (index.length == capacity * 2) {
            Arrays.fill(index, 0);
        } else {
            index = new long[capacity * 2];
        }
        for (int s = 0; s < live; s++) {
            insertIndex(hash(p[2 * s], p[2 * s + 1]), s);
        }
    }
}
