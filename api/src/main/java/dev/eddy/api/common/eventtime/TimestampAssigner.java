package dev.eddy.api.common.eventtime;

/** Extracts an event timestamp (milliseconds since the epoch) from an element. Task thread only. */
@FunctionalInterface
public interface TimestampAssigner<T> {
    /** The value meaning "no timestamp". */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    /**
     * @param recordTimestamp the element's current timestamp, or {@link #NO_TIMESTAMP}
     * @return the element's event timestamp
     */
    long extractTimestamp(T element, long recordTimestamp);
}
