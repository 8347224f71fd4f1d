package dev.eddy.streaming.api.operators;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * In-memory timers of one time domain for all keys of an operator: ordered by timestamp (then by
 * registration order); a (key, timestamp) pair is held at most once. Task thread only. Not
 * part of checkpoints by itself: the owning operator writes its timers into raw keyed state.
 * Superseded by {@link InternalTimerQueue} behind
 * {@link AbstractStreamOperator#getInternalTimerService}; new operators use that.
 */
public final class HeapTimerQueue {
    /** One registered timer. Equality is (key, timestamp). */
    public static final class Timer {
        private final Object key;
        private final long timestamp;
        private final long sequence;

        Timer(Object key, long timestamp, long sequence) {
            this.key = key;
            this.timestamp = timestamp;
            this.sequence = sequence;
        }

        public Object getKey() {
            return key;
        }

        public long getTimestamp() {
            return timestamp;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Timer && ((Timer) o).timestamp == timestamp && Objects.equals(((Timer) o).key, key);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(key) * 31 + Long.hashCode(timestamp);
        }

        @Override
        public String toString() {
            return "Timer{key=" + key + ", timestamp=" + timestamp + "}";
        }
    }

    private static final Comparator<Timer> ORDER =
            Comparator.comparingLong((Timer t) -> t.timestamp).thenComparingLong(t -> t.sequence);

    private final PriorityQueue<Timer> queue = new PriorityQueue<>(ORDER);
    private final HashSet<Timer> present = new HashSet<>();
    private long nextSequence;

    /** @return true if the timer was new */
    public boolean add(Object key, long timestamp) {
        Timer t = new Timer(key, timestamp, nextSequence++);
        if (present.add(t)) {
            queue.add(t);
            return true;
        }
        return false;
    }

    /** @return true if such a timer existed */
    public boolean remove(Object key, long timestamp) {
        Timer probe = new Timer(key, timestamp, -1);
        if (present.remove(probe)) {
            queue.remove(probe);
            return true;
        }
        return false;
    }

    /** The earliest timestamp, or Long.MAX_VALUE when empty. */
    public long headTimestamp() {
        Timer head = queue.peek();
        return head == null ? Long.MAX_VALUE : head.timestamp;
    }

    /** Removes and returns the earliest timer if its timestamp is at most {@code time}, else null. */
    public Timer pollIfDue(long time) {
        Timer head = queue.peek();
        if (head == null || head.timestamp > time) {
            return null;
        }
        queue.poll();
        present.remove(head);
        return head;
    }

    public int size() {
        return queue.size();
    }

    /** Calls {@code action} for every timer, in no particular order. Do not modify the queue meanwhile. */
    public void forEach(java.util.function.Consumer<Timer> action) {
        queue.forEach(action);
    }
}
