package dev.eddy.streaming.api.operators.co;

import dev.eddy.streaming.api.operators.Output;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.util.OutputTag;

/** Helpers shared by the two-input operators of this package. Task thread only. */
final class CoOperators {
    static final String NO_TIMERS = "Setting timers is only supported on keyed streams: connect two keyed streams"
            + " (or keyBy(key1, key2) the connected streams) and use a KeyedCoProcessFunction";

    private CoOperators() {}

    /** Emits {@code value} to side output {@code tag} with {@code timestamp} (null: none). */
    static <X> void emitSide(Output<?> output, OutputTag<X> tag, X value, Long timestamp) {
        if (tag == null) {
            throw new IllegalArgumentException("OutputTag must not be null");
        }
        output.collect(tag, timestamp == null ? new StreamRecord<>(value) : new StreamRecord<>(value, timestamp));
    }

    /** The record's timestamp or null. */
    static Long timestampOf(StreamRecord<?> record) {
        return record != null && record.hasTimestamp() ? record.getTimestamp() : null;
    }
}
