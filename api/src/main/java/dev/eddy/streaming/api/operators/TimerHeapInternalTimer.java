package dev.eddy.streaming.api.operators;

import java.util.Objects;

/**
 * A timer of {@link InternalTimerQueue}: key, namespace and timestamp. The queue holds one for a
 * timestamp with a single timer, and makes one for each timer it hands out (polled or iterated).
 * Equality and hash code cover key, namespace and timestamp. Immutable.
 */
public final class TimerHeapInternalTimer<K, N> implements InternalTimer<K, N> {
    private final K key;
    private final N namespace;
    private final long timestamp;

    TimerHeapInternalTimer(K key, N namespace, long timestamp) {
        this.key = key;
        this.namespace = namespace;
        this.timestamp = timestamp;
    }

    @Override
    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public K getKey() {
        return key;
    }

    @Override
    public N getNamespace() {
        return namespace;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TimerHeapInternalTimer<?, ?> t)) {
            return false;
        }
        return t.timestamp == timestamp && Objects.equals(t.key, key) && Objects.equals(t.namespace, namespace);
    }

    @Override
    public int hashCode() {
        // mixed: a queue bucket holds timers that differ only in the key, often in a narrow id range
        int h = (Objects.hashCode(key) * 31 + Objects.hashCode(namespace)) * 31 + Long.hashCode(timestamp);
        h = (h ^ (h >>> 16)) * 0x85EBCA6B; // not a final >>> 16, which HashMap's own spread would undo
        return h ^ (h >>> 13);
    }

    @Override
    public String toString() {
        return "Timer{key=" + key + ", namespace=" + namespace + ", timestamp=" + timestamp + "}";
    }
}
