package dev.eddy.streaming.api.operators.async;

import dev.eddy.streaming.api.operators.ProcessingTimeService;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.concurrent.ScheduledFuture;

/**
 * Deadlines of the records in the async operator's queue, with at most one processing-time timer
 * registered at a time. Every record gets the same timeout from the moment it enters, so deadlines
 * grow with arrival order and the oldest tracked record always expires first: one timer for its
 * deadline suffices. A record whose result arrived is simply untracked (no timer is cancelled); a
 * timer that fires with nothing due re-arms for the oldest tracked record. This keeps the timer
 * service's queue small whatever the rate and the timeout. Task thread only.
 */
final class Timeouts<E extends RecordEntry<?, ?>> {
    /** Called on the task thread for each record whose deadline passed. */
    @FunctionalInterface
    interface Expiry<E> {
        void onTimeout(E entry) throws Exception;
    }

    private final ProcessingTimeService timers;
    private final long timeoutMillis;
    private final Expiry<E> expiry;
    /** Tracked records in arrival order, i.e. in deadline order. */
    private final LinkedHashSet<E> tracked = new LinkedHashSet<>();
    private ScheduledFuture<?> timer;
    private long lastDeadline = Long.MIN_VALUE;

    Timeouts(ProcessingTimeService timers, long timeoutMillis, Expiry<E> expiry) {
        this.timers = timers;
        this.timeoutMillis = timeoutMillis;
        this.expiry = expiry;
    }

    /** Starts the record's timeout now (a clock that went backwards does not reorder deadlines). */
    void track(E entry) {
        long deadline = Math.max(lastDeadline, timers.getCurrentProcessingTime() + timeoutMillis);
        lastDeadline = deadline;
        entry.deadline = deadline;
        tracked.add(entry);
        if (timer == null) {
            arm(deadline);
        }
    }

    /** The record's final result arrived: it can no longer time out. */
    void untrack(E entry) {
        tracked.remove(entry);
    }

    /** Number of records whose timeout is running. */
    int size() {
        return tracked.size();
    }

    /** Stops the timer (operator closing). */
    void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        tracked.clear();
    }

    private void arm(long time) {
        timer = timers.registerTimer(time, this::onTimer);
    }

    private void onTimer(long time) throws Exception {
        timer = null;
        long now = Math.max(time, timers.getCurrentProcessingTime());
        Iterator<E> it = tracked.iterator();
        while (it.hasNext()) {
            E oldest = it.next();
            if (oldest.deadline > now) {
                break;
            }
            it.remove();
            expiry.onTimeout(oldest);
            it = tracked.iterator(); // onTimeout may have changed the set
        }
        if (timer == null && !tracked.isEmpty()) {
            arm(tracked.iterator().next().deadline);
        }
    }
}
