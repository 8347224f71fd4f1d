package dev.eddy.streaming.api.operators;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * In-memory timers of one time domain of one timer service, for all keys: ordered by timestamp,
 * then registration order; a (key, namespace, timestamp) triple is held at most once. Task thread
 * only; not part of checkpoints by itself (see {@link InternalTimeServiceManager}).
 *
 * <p>Timers are bucketed by timestamp: a sorted map from timestamp to the one timer at that time
 * (a {@link TimerHeapInternalTimer}), or to a {@link TimerBucket} of (key, namespace) pairs in
 * registration order when there are several. Windows put many keys' timers on few timestamps
 * (every key's window ends at the same instant), so adding, removing and polling cost one small
 * sorted-map step and one probe of an open-addressing index, and a timer in a shared bucket costs
 * a few array slots instead of objects. A window registers the same timer twice per element
 * (trigger and cleanup, when the allowed lateness is 0); the last added timer is remembered so the
 * repeat costs no hashing.
 */
public final class InternalTimerQueue<K, N> {
    /** timestamp → TimerHeapInternalTimer, or TimerBucket of several in registration order */
    private final TreeMap<Long, Object> buckets = new TreeMap<>();
    private int size;
    /** The most recently added timer while it is still queued (hasLast), else stale. */
    private boolean hasLast;
    private Object lastKey;
    private Object lastNamespace;
    private long lastTimestamp;

    /** @return true if the timer was new */
    public boolean add(K key, N namespace, long timestamp) {
        if (hasLast && lastTimestamp == timestamp && Objects.equals(lastKey, key) && Objects.equals(lastNamespace, namespace)) {
            return false;
        }
        Object bucket = buckets.get(timestamp);
        if (bucket == null) {
            buckets.put(timestamp, new TimerHeapInternalTimer<>(key, namespace, timestamp));
        } else if (bucket instanceof TimerBucket set) {
            if (!set.add(key, namespace)) {
                return false;
            }
        } else {
            TimerHeapInternalTimer<?, ?> single = (TimerHeapInternalTimer<?, ?>) bucket;
            if (Objects.equals(single.getKey(), key) && Objects.equals(single.getNamespace(), namespace)) {
                return false;
            }
            buckets.put(timestamp, new TimerBucket(single.getKey(), single.getNamespace(), key, namespace));
        }
        size++;
        hasLast = true;
        lastKey = key;
        lastNamespace = namespace;
        lastTimestamp = timestamp;
        return true;
    }

    /** @return true if such a timer existed */
    public boolean remove(K key, N namespace, long timestamp) {
        Object bucket = buckets.get(timestamp);
        if (bucket == null) {
            return false;
        }
        boolean removed;
        if (bucket instanceof TimerBucket set) {
            removed = set.remove(key, namespace);
            if (set.size() == 0) {
                buckets.remove(timestamp);
            }
        } else {
            TimerHeapInternalTimer<?, ?> single = (TimerHeapInternalTimer<?, ?>) bucket;
            removed = Objects.equals(single.getKey(), key) && Objects.equals(single.getNamespace(), namespace);
            if (removed) {
                buckets.remove(timestamp);
            }
        }
        if (removed) {
            size--;
            forgetLast();
        }
        return removed;
    }

    private void forgetLast() {
        hasLast = false;
        lastKey = null;
        lastNamespace = null;
    }

    /** The earliest timestamp, or Long.MAX_VALUE when empty. */
    public long headTimestamp() {
        return buckets.isEmpty() ? Long.MAX_VALUE : buckets.firstKey();
    }

    /**
     * Removes and returns the earliest timer if its timestamp is at most {@code time}, else null.
     * The returned object is made for the caller when the timer shared its timestamp.
     */
    @SuppressWarnings("unchecked")
    public TimerHeapInternalTimer<K, N> pollIfDue(long time) {
        Map.Entry<Long, Object> first = buckets.firstEntry();
        if (first == null || first.getKey() > time) {
            return null;
        }
        TimerHeapInternalTimer<K, N> head;
        if (first.getValue() instanceof TimerBucket set) {
            int slot = set.firstSlot();
            head = new TimerHeapInternalTimer<>((K) set.keyAt(slot), (N) set.namespaceAt(slot), first.getKey());
            set.kill(slot);
            if (set.size() == 0) {
                buckets.pollFirstEntry();
            }
        } else {
            head = (TimerHeapInternalTimer<K, N>) first.getValue();
            buckets.pollFirstEntry();
        }
        size--;
        forgetLast();
        return head;
    }

    public int size() {
        return size;
    }

    /** Calls {@code action} for every timer in firing order. Do not modify the queue meanwhile. */
    @SuppressWarnings("unchecked")
    public void forEach(Consumer<? super TimerHeapInternalTimer<K, N>> action) {
        forEachTimer((key, namespace, timestamp) -> action.accept(new TimerHeapInternalTimer<>(key, namespace, timestamp)));
    }

    /**
     * Calls {@code action} for every timer in firing order without making timer objects. Do not
     * modify the queue meanwhile.
     */
    @SuppressWarnings("unchecked")
    public void forEachTimer(TimerConsumer<? super K, ? super N> action) {
        for (Map.Entry<Long, Object> e : buckets.entrySet()) {
            long timestamp = e.getKey();
            if (e.getValue() instanceof TimerBucket set) {
                set.forEach((key, namespace) -> action.accept((K) key, (N) namespace, timestamp));
            } else {
                TimerHeapInternalTimer<K, N> single = (TimerHeapInternalTimer<K, N>) e.getValue();
                action.accept(single.getKey(), single.getNamespace(), timestamp);
            }
        }
    }

    /** Receives the timers of {@link #forEachTimer}. */
    @FunctionalInterface
    public interface TimerConsumer<K, N> {
        void accept(K key, N namespace, long timestamp);
    }
}
