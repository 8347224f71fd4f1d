package dev.eddy.streaming.api.operators;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * In-memory timers of one time domain of one timer service, for all keys: ordered by timestamp,
 * then registration order; a (key, namespace, timestamp) triple is held at most once. Task thread
 * only; not part of checkpoints by itself (see {@link InternalTimeServiceManager}).
 *
 * <p>Timers are bucketed by timestamp: a sorted map from timestamp to the one timer at that time,
 * or to an insertion-ordered set of them when there are several. Windows put many keys' timers on
 * few timestamps (every key's window ends at the same instant), so adding, removing and polling
 * cost one small sorted-map step and one hash-set step instead of a search in a tree of all timers.
 * A window registers the same timer twice per element (trigger and cleanup, when the allowed
 * lateness is 0); the last added timer is remembered so the repeat costs no allocation or hashing.
 */
public final class InternalTimerQueue<K, N> {
    /** timestamp → TimerHeapInternalTimer, or LinkedHashSet of them in registration order */
    private final TreeMap<Long, Object> buckets = new TreeMap<>();
    private int size;
    private long nextSequence;
    /** The most recently added timer while it is still queued, else null. */
    private TimerHeapInternalTimer<K, N> lastAdded;

    /** @return true if the timer was new */
    public boolean add(K key, N namespace, long timestamp) {
        TimerHeapInternalTimer<K, N> last = lastAdded;
        if (last != null && last.getTimestamp() == timestamp && Objects.equals(last.getKey(), key)
                && Objects.equals(last.getNamespace(), namespace)) {
            return false;
        }
        TimerHeapInternalTimer<K, N> t = new TimerHeapInternalTimer<>(key, namespace, timestamp, nextSequence++);
        Object bucket = buckets.putIfAbsent(timestamp, t);
        if (bucket != null) {
            if (!addToBucket(timestamp, bucket, t)) {
                return false;
            }
        }
        size++;
        lastAdded = t;
        return true;
    }

    @SuppressWarnings("unchecked")
    private boolean addToBucket(long timestamp, Object bucket, TimerHeapInternalTimer<K, N> t) {
        if (bucket instanceof TimerHeapInternalTimer<?, ?> single) {
            if (single.equals(t)) {
                return false;
            }
            LinkedHashSet<TimerHeapInternalTimer<K, N>> set = new LinkedHashSet<>();
            set.add((TimerHeapInternalTimer<K, N>) single);
            set.add(t);
            buckets.put(timestamp, set);
            return true;
        }
        return ((LinkedHashSet<TimerHeapInternalTimer<K, N>>) bucket).add(t);
    }

    /** @return true if such a timer existed */
    @SuppressWarnings("unchecked")
    public boolean remove(K key, N namespace, long timestamp) {
        Object bucket = buckets.get(timestamp);
        if (bucket == null) {
            return false;
        }
        TimerHeapInternalTimer<K, N> probe = new TimerHeapInternalTimer<>(key, namespace, timestamp, -1);
        boolean removed;
        if (bucket instanceof TimerHeapInternalTimer<?, ?> single) {
            removed = single.equals(probe);
            if (removed) {
                buckets.remove(timestamp);
            }
        } else {
            LinkedHashSet<TimerHeapInternalTimer<K, N>> set = (LinkedHashSet<TimerHeapInternalTimer<K, N>>) bucket;
            removed = set.remove(probe);
            if (set.isEmpty()) {
                buckets.remove(timestamp);
            }
        }
        if (removed) {
            size--;
            lastAdded = null;
        }
        return removed;
    }

    /** The earliest timestamp, or Long.MAX_VALUE when empty. */
    public long headTimestamp() {
        return buckets.isEmpty() ? Long.MAX_VALUE : buckets.firstKey();
    }

    /** Removes and returns the earliest timer if its timestamp is at most {@code time}, else null. */
    @SuppressWarnings("unchecked")
    public TimerHeapInternalTimer<K, N> pollIfDue(long time) {
        Map.Entry<Long, Object> first = buckets.firstEntry();
        if (first == null || first.getKey() > time) {
            return null;
        }
        TimerHeapInternalTimer<K, N> head;
        if (first.getValue() instanceof TimerHeapInternalTimer<?, ?> single) {
            head = (TimerHeapInternalTimer<K, N>) single;
            buckets.pollFirstEntry();
        } else {
            LinkedHashSet<TimerHeapInternalTimer<K, N>> set = (LinkedHashSet<TimerHeapInternalTimer<K, N>>) first.getValue();
            Iterator<TimerHeapInternalTimer<K, N>> it = set.iterator();
            head = it.next();
            it.remove();
            if (set.isEmpty()) {
                buckets.pollFirstEntry();
            }
        }
        size--;
        lastAdded = null;
        return head;
    }

    public int size() {
        return size;
    }

    /** Calls {@code action} for every timer in firing order. Do not modify the queue meanwhile. */
    @SuppressWarnings("unchecked")
    public void forEach(Consumer<? super TimerHeapInternalTimer<K, N>> action) {
        for (Object bucket : buckets.values()) {
            if (bucket instanceof TimerHeapInternalTimer<?, ?> single) {
                action.accept((TimerHeapInternalTimer<K, N>) single);
            } else {
                ((LinkedHashSet<TimerHeapInternalTimer<K, N>>) bucket).forEach(action);
            }
        }
    }
}
