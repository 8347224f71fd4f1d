package dev.eddy.streaming.runtime.streamrecord;

/**
 * A record with an optional event timestamp, as passed between operators of a chain. Mutable and
 * reused by the runtime: an operator must not keep a reference past the call it received it in.
 */
public final class StreamRecord<T> {
    private T value;
    private long timestamp;
    private boolean hasTimestamp;

    public StreamRecord(T value) {
        this.value = value;
    }

    public StreamRecord(T value, long timestamp) {
        this.value = value;
        this.timestamp = timestamp;
        this.hasTimestamp = true;
    }

    public T getValue() {
        return value;
    }

    public long getTimestamp() {
        return hasTimestamp ? timestamp : Long.MIN_VALUE;
    }

    public boolean hasTimestamp() {
        return hasTimestamp;
    }

    /** Replaces the value, keeping the timestamp. */
    @SuppressWarnings("unchecked")
    public <X> StreamRecord<X> replace(X newValue) {
        this.value = (T) newValue;
        return (StreamRecord<X>) this;
    }

    /** Replaces value and timestamp. */
    @SuppressWarnings("unchecked")
    public <X> StreamRecord<X> replace(X newValue, long newTimestamp) {
        this.value = (T) newValue;
        this.timestamp = newTimestamp;
        this.hasTimestamp = true;
        return (StreamRecord<X>) this;
    }

    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
        this.hasTimestamp = true;
    }

    public void eraseTimestamp() {
        this.hasTimestamp = false;
    }

    public StreamRecord<T> copy(T valueCopy) {
        StreamRecord<T> r = new StreamRecord<>(valueCopy);
        r.timestamp = timestamp;
        r.hasTimestamp = hasTimestamp;
        return r;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StreamRecord)) {
            return false;
        }
        StreamRecord<?> that = (StreamRecord<?>) o;
        return hasTimestamp == that.hasTimestamp
                && (!hasTimestamp || timestamp == that.timestamp)
                && java.util.Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(value, hasTimestamp ? timestamp : 0L);
    }

    @Override
    public String toString() {
        return "Record @ " + (hasTimestamp ? String.valueOf(timestamp) : "(undef)") + " : " + value;
    }
}
