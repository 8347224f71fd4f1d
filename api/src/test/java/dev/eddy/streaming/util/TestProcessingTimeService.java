package dev.eddy.streaming.util;

import dev.eddy.streaming.api.operators.ProcessingTimeService;
import java.util.PriorityQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A manual clock: {@link #setCurrentTime} fires due callbacks in time order, on the caller's thread. */
public final class TestProcessingTimeService implements ProcessingTimeService {
    private long currentTime;
    private long sequence;
    private final PriorityQueue<Scheduled> timers = new PriorityQueue<>(
            (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));

    @Override
    public long getCurrentProcessingTime() {
        return currentTime;
    }

    @Override
    public ScheduledFuture<?> registerTimer(long time, ProcessingTimeCallback callback) {
        Scheduled s = new Scheduled(time, sequence++, callback);
        timers.add(s);
        return s;
    }

    public void setCurrentTime(long time) throws Exception {
        currentTime = time;
        Scheduled head;
        while ((head = timers.peek()) != null && head.time <= time) {
            timers.poll();
            if (!head.cancelled) {
                head.done = true;
                head.callback.onProcessingTime(head.time);
            }
        }
    }

    /** Registered, not cancelled, not yet fired callbacks. */
    public int getNumActiveTimers() {
        return (int) timers.stream().filter(t -> !t.cancelled).count();
    }

    private static final class Scheduled implements ScheduledFuture<Object> {
        final long time;
        final long seq;
        final ProcessingTimeCallback callback;
        boolean cancelled;
        boolean done;

        Scheduled(long time, long seq, ProcessingTimeCallback callback) {
            this.time = time;
            this.seq = seq;
            this.callback = callback;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed o) {
            return 0;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
