package dev.eddy.api.common.state;

import java.util.Iterator;
import java.util.Map;

/**
 * A map that every parallel instance of an operator holds in full, changed only by the broadcast
 * side so that the copies stay equal. It is operator state: each subtask snapshots its copy; on
 * restore (at any parallelism) each subtask gets one copy. Task thread only.
 */
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {
    void put(K key, V value) throws Exception;

    void putAll(Map<K, V> map) throws Exception;

    void remove(K key) throws Exception;

    Iterator<Map.Entry<K, V>> iterator() throws Exception;

    Iterable<Map.Entry<K, V>> entries() throws Exception;
}
