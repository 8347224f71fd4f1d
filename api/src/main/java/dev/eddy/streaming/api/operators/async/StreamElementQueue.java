package dev.eddy.streaming.api.operators.async;

import java.util.List;

/**
 * The bounded queue of the async operator: records in flight or done, and watermarks, in the order
 * in which they may leave. Task thread only; no locking.
 */
interface StreamElementQueue {
    /** Number of entries not emitted yet (records and watermarks). */
    int size();

    default boolean isEmpty() {
        return size() == 0;
    }

    /** Appends an entry; the caller checked the capacity. */
    void add(QueueEntry entry);

    /** A record entry became {@link EntryState#DONE}. */
    void onCompleted(RecordEntry<?, ?> entry);

    /** Removes every entry allowed to leave now, in emission order, handing each to {@code emitter}. */
    void emitCompleted(Consumer<QueueEntry> emitter) throws Exception;

    /** All entries not emitted yet, in input order (for snapshots). */
    List<QueueEntry> entries();

    /** Emits results in input order. */
    static StreamElementQueue ordered() {
        return new OrderedStreamElementQueue();
    }

    /** Emits results as they complete, never across a watermark. */
    static StreamElementQueue unordered() {
        return new UnorderedStreamElementQueue();
    }

    /** Like {@link Consumer} but may throw (emitting runs downstream operators). */
    @FunctionalInterface
    interface Consumer<T> {
        void accept(T value) throws Exception;
    }
}
