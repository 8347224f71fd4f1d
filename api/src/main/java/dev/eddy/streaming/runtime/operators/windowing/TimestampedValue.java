package dev.eddy.streaming.runtime.operators.windowing;

import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.Objects;

/** A window element with its timestamp (if it has one), as evictors see it. */
public class TimestampedValue<T> {
    private final T value;
    private final long timestamp;
    private final boolean hasTimestamp;

    /** A value without timestamp. */
    public TimestampedValue(T value) {
        this.value = value;
        this.timestamp = 0;
        this.hasTimestamp = false;
    }

    public TimestampedValue(T value, long timestamp) {
        this.value = value;
        this.timestamp = timestamp;
        this.hasTimestamp = true;
    }

    public T getValue() {
        return value;
    }

    /** The timestamp; only meaningful when {@link #hasTimestamp()}. */
    public long getTimestamp() {
        return timestamp;
    }

    public boolean hasTimestamp() {
        return hasTimestamp;
    }

    /** A stream record with this value and timestamp. */
    public StreamRecord<T> getStreamRecord() {
        return hasTimestamp ? new StreamRecord<>(value, timestamp) : new StreamRecord<>(value);
    }

    public static <T> TimestampedValue<T> from(StreamRecord<T> record) {
        return record.hasTimestamp() ? new TimestampedValue<>(record.getValue(), record.getTimestamp())
                : new TimestampedValue<>(record.getValue());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimestampedValue<?> t && t.hasTimestamp == hasTimestamp && t.timestamp == timestamp
                && Objects.equals(t.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, timestamp, hasTimestamp);
    }

    @Override
    public String toString() {
        return hasTimestamp ? value + "@" + timestamp : String.valueOf(value);
    }
}
