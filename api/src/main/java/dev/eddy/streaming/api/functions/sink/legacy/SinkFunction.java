package dev.eddy.streaming.api.functions.sink.legacy;

import dev.eddy.api.common.functions.Function;

/** A legacy sink: called once per record on the task thread. */
public interface SinkFunction<IN> extends Function {
    /** Writes a record; the default calls {@link #invoke(Object)}. */
    default void invoke(IN value, Context context) throws Exception {
        invoke(value);
    }

    /** Writes a record; override this or {@link #invoke(Object, Context)}. */
    default void invoke(IN value) throws Exception {}

    /** Called once when the input has ended (bounded streams), before close. */
    default void finish() throws Exception {}

    /** What a sink can see of the record and of time. Valid only during the invoke call. */
    interface Context {
        long currentProcessingTime();

        long currentWatermark();

        /** The record's timestamp, or null when it has none. */
        Long timestamp();
    }
}
