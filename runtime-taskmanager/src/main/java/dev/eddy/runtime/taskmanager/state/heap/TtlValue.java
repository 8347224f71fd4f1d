package dev.eddy.runtime.taskmanager.state.heap;

/**
 * A state value (or list element, or map entry value) with the time it was last accessed in the
 * sense of the state's TTL update type. Task thread only.
 */
final class TtlValue<V> {
    private final V value;
    private long lastAccessTimestamp;

    TtlValue(V value, long lastAccessTimestamp) {
        this.value = value;
        this.lastAccessTimestamp = lastAccessTimestamp;
    }

    V getValue() {
        return value;
    }

    long getLastAccessTimestamp() {
        return lastAccessTimestamp;
    }

    void setLastAccessTimestamp(long timestamp) {
        this.lastAccessTimestamp = timestamp;
    }

    @Override
    public String toString() {
        return "TtlValue{" + value + "@" + lastAccessTimestamp + "}";
    }
}
