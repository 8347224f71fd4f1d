package dev.eddy.streaming.api.operators;

import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.util.Collector;

/**
 * A collector that wraps values in one reused {@link StreamRecord} with the timestamp the operator
 * set (usually the input record's). Task thread only; the downstream operator must not keep the record.
 */
public final class TimestampedCollector<T> implements Collector<T> {
    private final Output<StreamRecord<T>> output;
    private final StreamRecord<T> reuse = new StreamRecord<>(null);

    public TimestampedCollector(Output<StreamRecord<T>> output) {
        this.output = output;
    }

    @Override
    public void collect(T record) {
        output.collect(reuse.replace(record));
    }

    /** Emits following values with the timestamp of {@code from} (or none if it has none). */
    public void setTimestamp(StreamRecord<?> from) {
        if (from.hasTimestamp()) {
            reuse.setTimestamp(from.getTimestamp());
        } else {
            reuse.eraseTimestamp();
        }
    }

    public void setAbsoluteTimestamp(long timestamp) {
        reuse.setTimestamp(timestamp);
    }

    public void eraseTimestamp() {
        reuse.eraseTimestamp();
    }

    @Override
    public void close() {
        // the output belongs to the task; nothing to release
    }
}
