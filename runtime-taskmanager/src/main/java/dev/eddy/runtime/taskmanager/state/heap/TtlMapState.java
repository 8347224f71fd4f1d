package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.runtime.state.internal.InternalMapState;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@link dev.eddy.api.common.state.MapState} with TTL on the heap: every entry carries its own timestamp and expires on its
 * own. Accessing an expired entry removes it (returning it once with ReturnExpiredIfNotCleanedUp);
 * an emptied map is removed. Iterables are snapshots taken when called; their iterators' remove
 * removes from the state. Task thread only.
 */
final class TtlMapState<K, N, UK, UV> implements InternalMapState<K, N, UK, UV> {
    private final CurrentKeyEntry<K, Map<UK, TtlValue<UV>>> entry;
    private final TtlContext ttl;

    TtlMapState(CurrentKeyEntry<K, Map<UK, TtlValue<UV>>> entry, TtlContext ttl) {
        this.entry = entry;
        this.ttl = ttl;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        entry.setNamespace(namespace);
    }

    /** What incremental cleanup keeps of a stored map: the unexpired entries, or null when none. */
    static UnaryOperator<Object> expiryFilter(TtlContext ttl) {
        return stored -> {
            @SuppressWarnings("unchecked")
            Map<Object, TtlValue<?>> map = (Map<Object, TtlValue<?>>) stored;
            long now = ttl.now();
            map.values().removeIf(v -> ttl.isExpired(v, now));
            return map.isEmpty() ? null : map;
        };
    }

    @Override
    public UV get(UK key) {
        try {
            Map<UK, TtlValue<UV>> m = entry.get();
            TtlValue<UV> v = m == null ? null : m.get(key);
            if (v == null) {
                return null;
            }
            long now = ttl.now();
            if (ttl.isExpired(v, now)) {
                removeKey(m, key);
                return ttl.returnExpired() ? v.getValue() : null;
            }
            ttl.onRead(v, now);
            return v.getValue();
        } finally {
            ttl.afterAccess();
        }
    }

    @Override
    public void put(UK key, UV value) {
        mapForWrite().put(key, ttl.wrap(value));
        ttl.afterAccess();
    }

    @Override
    public void putAll(Map<UK, UV> map) {
        if (map != null && !map.isEmpty()) {
            Map<UK, TtlValue<UV>> m = mapForWrite();
            long now = ttl.now();
            map.forEach((k, v) -> m.put(k, new TtlValue<>(v, now)));
            ttl.afterAccess();
        }
    }

    @Override
    public void remove(UK key) {
        Map<UK, TtlValue<UV>> m = entry.get();
        if (m != null) {
            removeKey(m, key);
        }
        ttl.afterAccess();
    }

    /** Whether {@code key} has a visible mapping (its value may be null); an expired one is removed. */
    @Override
    public boolean contains(UK key) {
        try {
            Map<UK, TtlValue<UV>> m = entry.get();
            TtlValue<UV> v = m == null ? null : m.get(key);
            if (v == null) {
                return false;
            }
            long now = ttl.now();
            if (ttl.isExpired(v, now)) {
                removeKey(m, key);
                return ttl.returnExpired();
            }
            ttl.onRead(v, now);
            return true;
        } finally {
            ttl.afterAccess();
        }
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        Map<UK, UV> visible = readAll();
        return () -> new RemovingIterator<>(visible.entrySet().iterator(), Map.Entry::getKey);
    }

    @Override
    public Iterable<UK> keys() {
        Map<UK, UV> visible = readAll();
        return () -> new RemovingIterator<>(visible.keySet().iterator(), k -> k);
    }

    @Override
    public Iterable<UV> values() {
        Map<UK, UV> visible = readAll();
        return () -> new RemovingIterator<>(visible.entrySet().iterator(), Map.Entry::getKey).map(Map.Entry::getValue);
    }

    @Override
    public Iterator<Map.Entry<UK, UV>> iterator() {
        return entries().iterator();
    }

    @Override
    public boolean isEmpty() {
        return readAll().isEmpty();
    }

    @Override
    public void clear() {
        entry.remove();
        ttl.afterAccess();
    }

    private Map<UK, TtlValue<UV>> mapForWrite() {
        Map<UK, TtlValue<UV>> m = entry.get();
        if (m == null) {
            m = new HashMap<>();
            entry.put(m);
        }
        return m;
    }

    private void removeKey(Map<UK, TtlValue<UV>> m, UK key) {
        m.remove(key);
        if (m.isEmpty()) {
            entry.remove();
        }
    }

    /** The visible entries of the current key, dropping expired ones from the stored map. */
    private Map<UK, UV> readAll() {
        try {
            Map<UK, TtlValue<UV>> m = entry.get();
            if (m == null) {
                return Map.of();
            }
            long now = ttl.now();
            Map<UK, UV> visible = new LinkedHashMap<>();
            for (Iterator<Map.Entry<UK, TtlValue<UV>>> it = m.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<UK, TtlValue<UV>> e = it.next();
                TtlValue<UV> v = e.getValue();
                if (ttl.isExpired(v, now)) {
                    it.remove();
                    if (!ttl.returnExpired()) {
                        continue;
                    }
                } else {
                    ttl.onRead(v, now);
                }
                visible.put(e.getKey(), v.getValue());
            }
            if (m.isEmpty()) {
                entry.remove();
            }
            return visible;
        } finally {
            ttl.afterAccess();
        }
    }

    /** Iterates a snapshot; {@code remove()} removes the last element's map key from the state. */
    private final class RemovingIterator<E> implements Iterator<E> {
        private final Iterator<E> snapshot;
        private final Function<E, UK> keyOf;
        private E last;

        RemovingIterator(Iterator<E> snapshot, Function<E, UK> keyOf) {
            this.snapshot = snapshot;
            this.keyOf = keyOf;
        }

        @Override
        public boolean hasNext() {
            return snapshot.hasNext();
        }

        @Override
        public E next() {
            last = snapshot.next();
            return last instanceof Map.Entry ? copyEntry(last) : last;
        }

        @SuppressWarnings("unchecked")
        private E copyEntry(E e) {
            Map.Entry<UK, UV> me = (Map.Entry<UK, UV>) e;
            return (E) new AbstractMap.SimpleImmutableEntry<>(me.getKey(), me.getValue());
        }

        @Override
        public void remove() {
            if (last == null) {
                throw new IllegalStateException("next() was not called before remove()");
            }
            TtlMapState.this.remove(keyOf.apply(last));
            last = null;
        }

        <R> Iterator<R> map(Function<E, R> f) {
            RemovingIterator<E> self = this;
            return new Iterator<R>() {
                @Override
                public boolean hasNext() {
                    return self.hasNext();
                }

                @Override
                public R next() {
                    return f.apply(self.next());
                }

                @Override
                public void remove() {
                    self.remove();
                }
            };
        }
    }
}
