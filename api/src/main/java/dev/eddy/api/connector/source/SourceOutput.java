package dev.eddy.api.connector.source;

import dev.eddy.api.common.eventtime.WatermarkOutput;

/** Where a reader emits records. Task thread only. */
public interface SourceOutput<T> extends WatermarkOutput {
    /** Emits a record without a timestamp of its own (the timestamp assigner may still give one). */
    void collect(T record);

    /** Emits a record with a timestamp (for example a message's broker timestamp). */
    void collect(T record, long timestamp);
}
