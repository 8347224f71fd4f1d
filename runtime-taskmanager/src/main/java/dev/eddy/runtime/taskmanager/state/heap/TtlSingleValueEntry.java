package dev.eddy.runtime.taskmanager.state.heap;

import java.util.function.UnaryOperator;

/**
 * The current key's value with TTL, for value, reducing and aggregating state: stores a
 * {@link TtlValue}, hides or returns an expired value per the visibility (removing it either way),
 * and refreshes the timestamp on write and, with OnReadAndWrite, on read. Task thread only.
 */
final class TtlSingleValueEntry<V> implements KeyedEntry<V> {
    private final KeyedEntry<TtlValue<V>> stored;
    private final TtlContext ttl;

    TtlSingleValueEntry(KeyedEntry<TtlValue<V>> stored, TtlContext ttl) {
        this.stored = stored;
        this.ttl = ttl;
    }

    /** What incremental cleanup keeps of a stored {@link TtlValue}: itself, or null when expired. */
    static UnaryOperator<Object> expiryFilter(TtlContext ttl) {
        return v -> ttl.isExpired((TtlValue<?>) v, ttl.now()) ? null : v;
    }

    @Override
    public V get() {
        try {
            TtlValue<V> v = stored.get();
            if (v == null) {
                return null;
            }
            long now = ttl.now();
            if (ttl.isExpired(v, now)) {
                stored.remove();
                return ttl.returnExpired() ? v.getValue() : null;
            }
            ttl.onRead(v, now);
            return v.getValue();
        } finally {
            ttl.afterAccess();
        }
    }

    @Override
    public void put(V value) {
        stored.put(ttl.wrap(value));
        ttl.afterAccess();
    }

    @Override
    public void remove() {
        stored.remove();
        ttl.afterAccess();
    }
}
