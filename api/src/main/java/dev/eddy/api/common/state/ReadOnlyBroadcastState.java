package dev.eddy.api.common.state;

import java.util.Map;

/**
 * A read-only view of a broadcast state (a map that every parallel instance holds in full). Given
 * to the non-broadcast side, so that all instances keep the same content. Task thread only.
 */
public interface ReadOnlyBroadcastState<K, V> extends State {
    V get(K key) throws Exception;

    boolean contains(K key) throws Exception;

    /** The entries, unmodifiable. */
    Iterable<Map.Entry<K, V>> immutableEntries() throws Exception;
}
