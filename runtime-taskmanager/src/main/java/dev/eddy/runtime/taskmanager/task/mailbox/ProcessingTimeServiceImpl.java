package dev.eddy.runtime.taskmanager.task.mailbox;

import dev.eddy.streaming.api.operators.ProcessingTimeService;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Processing-time timers of one task. Timers are scheduled on the TaskManager's shared
 * {@link ScheduledExecutorService}; when one is due the scheduler thread only enqueues a mail, and
 * the callback runs on the task thread. {@link #registerTimer} is meant for the task thread but is
 * thread-safe. {@link #shutdown()} (task thread, at the end of the task) cancels pending timers.
 */
public final class ProcessingTimeServiceImpl implements ProcessingTimeService {
    private final ScheduledExecutorService scheduler;
    private final TaskMailbox mailbox;
    private final LongSupplier clock;
    private final Set<Timer> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;

    public ProcessingTimeServiceImpl(ScheduledExecutorService scheduler, TaskMailbox mailbox) {
        this(scheduler, mailbox, System::currentTimeMillis);
    }

    public ProcessingTimeServiceImpl(ScheduledExecutorService scheduler, TaskMailbox mailbox, LongSupplier clock) {
        this.scheduler = scheduler;
        this.mailbox = mailbox;
        this.clock = clock;
    }

    @Override
    public long getCurrentProcessingTime() {
        return clock.getAsLong();
    }

    /**
     * The callback runs once {@link #getCurrentProcessingTime()} has reached {@code time} (one
     * millisecond is added to the delay so that the clock has really passed it).
     */
    @Override
    public ScheduledFuture<?> registerTimer(long time, ProcessingTimeCallback callback) {
        if (shutdown) {
            throw new IllegalStateException("Cannot register a timer for " + time + ": the task's timer service is shut down (the task has ended)");
        }
        long delay = Math.max(0, time - clock.getAsLong()) + 1;
        Timer timer = new Timer(time, callback);
        pending.add(timer);
        timer.scheduled = scheduler.schedule(timer::fire, delay, TimeUnit.MILLISECONDS);
        return timer;
    }

    /** Number of timers not yet fired or cancelled (for tests and metrics). */
    public int getNumberOfPendingTimers() {
        return pending.size();
    }

    /** Cancels all pending timers; later registrations fail. Idempotent. */
    public void shutdown() {
        shutdown = true;
        for (Timer t : pending) {
            t.cancel(false);
        }
        pending.clear();
    }

    /** A timer handle: cancelling it also stops a callback whose mail is already queued. */
    private final class Timer implements ScheduledFuture<Object> {
        private final long time;
        private final ProcessingTimeCallback callback;
        private volatile ScheduledFuture<?> scheduled;
        private volatile boolean cancelled;
        private volatile boolean done;

        Timer(long time, ProcessingTimeCallback callback) {
            this.time = time;
            this.callback = callback;
        }

        /** Scheduler thread: hand the callback to the task thread. */
        void fire() {
            if (cancelled) {
                return;
            }
            boolean queued = mailbox.put(new Mail(this::runOnTaskThread, "processing-time timer @ " + time));
            if (!queued) {
                pending.remove(this);
            }
        }

        private void runOnTaskThread() throws Exception {
            pending.remove(this);
            if (cancelled || shutdown) {
                return;
            }
            done = true;
            callback.onProcessingTime(time);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(time - clock.getAsLong(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(getDelay(TimeUnit.MILLISECONDS), o.getDelay(TimeUnit.MILLISECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done || cancelled) {
                return false;
            }
            cancelled = true;
            pending.remove(this);
            ScheduledFuture<?> s = scheduled;
            if (s != null) {
                s.cancel(false);
            }
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
        public Object get() throws InterruptedException, ExecutionException {
            throw new UnsupportedOperationException("Timers are not awaited; the callback runs on the task thread");
        }

        @Override
        public Object get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            throw new UnsupportedOperationException("Timers are not awaited; the callback runs on the task thread");
        }
    }
}
