package dev.eddy.api.connector.sink2;

import dev.eddy.api.common.eventtime.Watermark;
import java.io.IOException;

/**
 * Writes the records of one sink subtask. Called only from the sink task thread: {@link #write}
 * per record, {@link #writeWatermark} when event time advances, {@link #flush} before every
 * checkpoint barrier ({@code endOfInput = false}) and at the end of input, {@link #close} always at the end (also after failures).
 */
public interface SinkWriter<InputT> extends AutoCloseable {
    /** Writes one record (possibly into a buffer). */
    void write(InputT element, Context context) throws IOException, InterruptedException;

    /**
     * Makes buffered records durable or visible. {@code endOfInput} is true once, after the last
     * record of a bounded input.
     */
    void flush(boolean endOfInput) throws IOException, InterruptedException;

    /** Event time advanced; the default ignores it. */
    default void writeWatermark(Watermark watermark) throws IOException, InterruptedException {}

    /** Facts about the record being written. */
    interface Context {
        /** The current event-time watermark of the writer's input. */
        long currentWatermark();

        /** The record's timestamp, or null when it has none. */
        Long timestamp();
    }
}
