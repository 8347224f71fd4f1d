package dev.eddy.runtime.taskmanager.state.heap;

import dev.eddy.runtime.state.internal.InternalMapState;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * {@link dev.eddy.api.common.state.MapState} on the heap: one {@link HashMap} per key and
 * namespace, dropped when {@link #remove} empties it. Iterables are live views (their iterators
 * support remove); do not use them across keys or namespaces. Task thread only.
 */
final class HeapMapState<K, N, UK, UV> implements InternalMapState<K, N, UK, UV> {
    private final CurrentKeyEntry<K, Map<UK, UV>> entry;

    HeapMapState(CurrentKeyEntry<K, Map<UK, UV>> entry) {
        this.entry = entry;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        entry.setNamespace(namespace);
    }

    private Map<UK, UV> mapOrEmpty() {
        Map<UK, UV> m = entry.get();
        return m == null ? Collections.emptyMap() : m;
    }

    private Map<UK, UV> mapForWrite() {
        Map<UK, UV> m = entry.get();
        if (m == null) {
            m = new HashMap<>();
            entry.put(m);
        }
        return m;
    }

    @Override
    public UV get(UK key) {
        return mapOrEmpty().get(key);
    }

    @Override
    public void put(UK key, UV value) {
        mapForWrite().put(key, value);
    }

    @Override
    public void putAll(Map<UK, UV> map) {
        if (map != null && !map.isEmpty()) {
            mapForWrite().putAll(map);
        }
    }

    @Override
    public void remove(UK key) {
        Map<UK, UV> m = entry.get();
        if (m != null) {
            m.remove(key);
            if (m.isEmpty()) {
                entry.remove();
            }
        }
    }

    @Override
    public boolean contains(UK key) {
        return mapOrEmpty().containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        return mapOrEmpty().entrySet();
    }

    @Override
    public Iterable<UK> keys() {
        return mapOrEmpty().keySet();
    }

    @Override
    public Iterable<UV> values() {
        return mapOrEmpty().values();
    }

    @Override
    public Iterator<Map.Entry<UK, UV>> iterator() {
        return mapOrEmpty().entrySet().iterator();
    }

    @Override
    public boolean isEmpty() {
        return mapOrEmpty().isEmpty();
    }

    @Override
    public void clear() {
        entry.remove();
    }
}
