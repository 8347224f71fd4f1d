package dev.eddy.streaming.api.operators;

import java.util.Comparator;
import java.util.HashMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * In-memory timers of one time domain of one timer service, for all keys: ordered by timestamp,
 * then registration order; a (key, namespace, timestamp) triple is held at most once. Adding,
 * removing and polling are O(log n). Task thread only; not part of checkpoints by itself (see
 * {@link InternalTimeServiceManager}).
 */
public final class InternalTimerQueue<K, N> {
    private static final Comparator<TimerHeapInternalTimer<?, ?>> ORDER =
            Comparator.comparingLong((TimerHeapInternalTimer<?, ?> t) -> t.getTimestamp()).thenComparingLong(t -> t.sequence());

    private final TreeSet<TimerHeapInternalTimer<K, N>> ordered = new TreeSet<>(ORDER);
    private final HashMap<TimerHeapInternalTimer<K, N>, TimerHeapInternalTimer<K, N>> present = new HashMap<>();
    private long nextSequence;

    /** @return true if the timer was new */
    public boolean add(K key, N namespace, long timestamp) {
        TimerHeapInternalTimer<K, N> t = new TimerHeapInternalTimer<>(key, namespace, timestamp, nextSequence++);
        if (present.putIfAbsent(t, t) == null) {
            ordered.add(t);
            return true;
        }
        return false;
    }

    /** @return true if such a timer existed */
    public boolean remove(K key, N namespace, long timestamp) {
        TimerHeapInternalTimer<K, N> held = present.remove(new TimerHeapInternalTimer<>(key, namespace, timestamp, -1));
        if (held != null) {
            ordered.remove(held);
            return true;
        }
        return false;
    }

    /** The earliest timestamp, or Long.MAX_VALUE when empty. */
    public long headTimestamp() {
        return ordered.isEmpty() ? Long.MAX_VALUE : ordered.first().getTimestamp();
    }

    /** Removes and returns the earliest timer if its timestamp is at most {@code time}, else null. */
    public TimerHeapInternalTimer<K, N> pollIfDue(long time) {
        if (ordered.isEmpty() || ordered.first().getTimestamp() > time) {
            return null;
        }
        TimerHeapInternalTimer<K, N> head = ordered.pollFirst();
        present.remove(head);
        return head;
    }

    public int size() {
        return present.size();
    }

    /** Calls {@code action} for every timer in firing order. Do not modify the queue meanwhile. */
    public void forEach(Consumer<? super TimerHeapInternalTimer<K, N>> action) {
        ordered.forEach(action);
    }
}
