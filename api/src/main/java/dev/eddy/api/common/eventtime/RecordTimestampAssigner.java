package dev.eddy.api.common.eventtime;

/** Keeps the timestamp the record already has (for example the one a source reader gave it). */
public final class RecordTimestampAssigner<T> implements TimestampAssigner<T> {
    @Override
    public long extractTimestamp(T element, long recordTimestamp) {
        return recordTimestamp;
    }
}
