package dev.eddy.streaming.api.operators.async;

import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.util.Collection;
import java.util.concurrent.ScheduledFuture;

/**
 * One input record in flight: its value and timestamp, the attempt in progress, its timers and,
 * once {@link EntryState#DONE}, its results. Task thread only (the attempt's ResultFuture hands
 * completions over as mail).
 */
final class RecordEntry<IN, OUT> extends QueueEntry {
    final IN value;
    final long timestamp;
    final boolean hasTimestamp;
    /** Unordered mode: the number of watermarks queued before this record (its segment). */
    final long epoch;
    private EntryState state = EntryState.IN_FLIGHT;
    /** Number of asyncInvoke calls made so far (1 after the first). */
    int attempts;
    /** The attempt whose completion counts; completions of older attempts are ignored. */
    AttemptResultFuture<IN, OUT> currentAttempt;
    /** Processing time at which the record times out (set when its timeout is tracked). */
    long deadline;
    ScheduledFuture<?> retryTimer;
    /** Set when the timeout fired: no further retries. */
    boolean timedOut;
    Collection<OUT> results;

    RecordEntry(StreamRecord<IN> record, long epoch) {
        this.value = record.getValue();
        this.timestamp = record.getTimestamp();
        this.hasTimestamp = record.hasTimestamp();
        this.epoch = epoch;
    }

    EntryState state() {
        return state;
    }

    void transitionTo(EntryState next) {
        state = state.transitionTo(next);
    }

    @Override
    boolean isDone() {
        return state == EntryState.DONE;
    }

    /** Cancels the retry timer (if pending). */
    void cancelRetryTimer() {
        if (retryTimer != null) {
            retryTimer.cancel(false);
            retryTimer = null;
        }
    }

    /** The input as a fresh record (for re-processing on restore). */
    StreamRecord<IN> toRecord() {
        return hasTimestamp ? new StreamRecord<>(value, timestamp) : new StreamRecord<>(value);
    }

    @Override
    public String toString() {
        return "RecordEntry{" + value + (hasTimestamp ? " @ " + timestamp : "") + ", " + state + ", attempts=" + attempts + "}";
    }
}
