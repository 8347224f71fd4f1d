package dev.eddy.streaming.api.operators;

import dev.eddy.streaming.api.functions.source.legacy.SourceFunction;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a legacy {@link SourceFunction} as the head of a source task, with Flink's checkpoint-lock
 * contract: whatever a function does while holding {@code ctx.getCheckpointLock()} is atomic with
 * respect to checkpoints, so a function that emits a batch and advances its position inside one
 * {@code synchronized (lock)} block is never snapshotted mid-batch.
 *
 * <p>Threading. The function cannot be interrupted inside its own {@code synchronized} block, and a
 * block may contain many {@code collect}s, so the function runs on its own <em>legacy source
 * thread</em>, started by {@link #run}. The task thread (the caller of {@code run}) stays the mailbox
 * thread: it parks until mail arrives, then takes the checkpoint lock and runs the mail (checkpoint
 * triggers, timers, flushes, notifications, cancellation) while holding it. Every {@code collect},
 * {@code collectWithTimestamp}, {@code emitWatermark} and {@code markAsTemporarilyIdle} takes the
 * lock too (re-entrantly if the function holds it), so the operator chain behind the source is
 * only ever used under the lock: by the source thread when emitting, by the task thread when
 * running mail. Operators behind a legacy source therefore still need no locks of their own.
 *
 * <p>Consequences for a function (the same as in Flink): state that a snapshot must see consistently
 * with the output must be changed under the lock together with the {@code collect}; mail may run
 * whenever the function does not hold the lock. A function that never releases the lock never lets a
 * checkpoint in. To keep checkpoints prompt even though Java monitors are not fair, the source thread
 * steps aside for pending mail at <em>safe points</em> where it does not hold the lock: in
 * {@code getCheckpointLock()} and at the start of an emit (bounded wait, {@value #MAX_STEP_ASIDE_MILLIS}
 * ms); a function that cached the lock object and re-takes it in a tight loop still gets a turn
 * through ordinary monitor contention.
 *
 * <p>Lifecycle. {@link #run} returns when the function returns (then the stream ends with
 * {@link Watermark#MAX_WATERMARK}), when it throws (rethrown, unless cancelled), or when the task
 * is cancelled or its mail fails; in every case the source thread has ended before {@code run}
 * returns or throws (it is cancelled and interrupted, and joined). {@link #cancel} (any thread)
 * sets a flag, calls the function's {@code cancel} and interrupts the source thread.
 */
public class StreamSource<OUT, SRC extends SourceFunction<OUT>> extends AbstractUdfStreamOperator<OUT, SRC>
        implements SourceOperator<OUT> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(StreamSource.class);
    /** The longest the source thread waits at a safe point for the task thread to run pending mail. */
    static final long MAX_STEP_ASIDE_MILLIS = 10;
    private transient volatile boolean canceled;
    private transient volatile Thread sourceThread;

    public StreamSource(SRC sourceFunction) {
        super(sourceFunction);
    }

    /** Task thread: starts the source thread and runs mail under the checkpoint lock until it ends. */
    @Override
    public void run(SourceContextControl control) throws Exception {
        Context ctx = new Context(control);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                userFunction.run(ctx);
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        }, "Legacy Source Thread of " + Thread.currentThread().getName());
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        thread.setDaemon(true);
        ctx.thread = thread;
        sourceThread = thread;
        thread.start();
        try {
            runMailUntilSourceEnds(control, ctx, done);
        } finally {
            stopSourceThread(ctx, done);
        }
        Throwable failure = done.handle((r, e) -> e).join();
        if (canceled || control.isCancelled()) {
            return;
        }
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof Exception e) {
                throw e;
            }
            throw (Error) cause;
        }
        synchronized (ctx.lock) {
            ctx.markActive();
            output.emitWatermark(Watermark.MAX_WATERMARK);
        }
    }

    private void runMailUntilSourceEnds(SourceContextControl control, Context ctx, CompletableFuture<Void> done) throws Exception {
        while (!done.isDone() && !canceled && !control.isCancelled()) {
            ctx.mailboxWantsLock = true;
            try {
                synchronized (ctx.lock) {
                    control.checkpointOrYield();
                }
            } finally {
                ctx.mailboxWantsLock = false;
                ctx.rounds++;
                LockSupport.unpark(ctx.thread);
            }
            control.awaitMailOr(done);
        }
    }

    /** Task thread: makes sure the source thread has ended (cancelling and interrupting it if it runs). */
    private void stopSourceThread(Context ctx, CompletableFuture<Void> done) {
        ctx.stopped = true;
        Thread thread = ctx.thread;
        if (!done.isDone()) {
            canceled = true;
            try {
                userFunction.cancel();
            } catch (RuntimeException e) {
                LOG.warn("Source function {} threw while being cancelled", userFunction.getClass().getName(), e);
            }
        }
        boolean interrupted = false;
        for (int waits = 1; ; waits++) {
            if (!done.isDone()) {
                thread.interrupt();
            }
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                interrupted = true;
                continue;
            }
            if (!thread.isAlive()) {
                break;
            }
            if (waits % 10 == 0) {
                LOG.warn("{} has not stopped {} s after it was cancelled and interrupted; {} does not react to cancel()",
                        thread.getName(), waits, userFunction.getClass().getName());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void cancel() {
        canceled = true;
        userFunction.cancel();
        Thread thread = sourceThread;
        if (thread != null) {
            thread.interrupt();
        }
    }

    public boolean isCanceled() {
        return canceled;
    }

    /** The function's context: every method but {@link #getCheckpointLock} emits under the lock. */
    private final class Context implements SourceFunction.SourceContext<OUT> {
        private final SourceContextControl control;
        private final StreamRecord<OUT> reuse = new StreamRecord<>(null);
        final Object lock = new Object();
        /** The legacy source thread; set before it starts. */
        Thread thread;
        /** True while the task thread wants or holds the lock to run mail. Written by the task thread. */
        volatile boolean mailboxWantsLock;
        /** Rounds of mail the task thread has finished. Written by the task thread only. */
        volatile long rounds;
        /** Set when the task thread stops running mail: the source thread no longer steps aside. */
        volatile boolean stopped;
        /** Guarded by {@link #lock}. */
        private boolean idle;

        Context(SourceContextControl control) {
            this.control = control;
        }

        @Override
        public void collect(OUT element) {
            stepAsideForMail();
            synchronized (lock) {
                reuse.eraseTimestamp();
                markActive();
                output.collect(reuse.replace(element));
            }
        }

        @Override
        public void collectWithTimestamp(OUT element, long timestamp) {
            stepAsideForMail();
            synchronized (lock) {
                markActive();
                output.collect(reuse.replace(element, timestamp));
            }
        }

        @Override
        public void emitWatermark(Watermark mark) {
            stepAsideForMail();
            synchronized (lock) {
                markActive();
                output.emitWatermark(mark);
            }
        }

        /** Idle until the next record or watermark: downstream event time is not held back meanwhile. */
        @Override
        public void markAsTemporarilyIdle() {
            stepAsideForMail();
            synchronized (lock) {
                if (!idle) {
                    idle = true;
                    output.emitWatermarkStatus(WatermarkStatus.IDLE);
                }
            }
        }

        /** Under the lock. */
        void markActive() {
            if (idle) {
                idle = false;
                output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
            }
        }

        /**
         * A safe point (source thread, lock not held): if mail is pending, waits (bounded) until the
         * task thread has run one round of it, so checkpoints are not starved by an unfair monitor.
         */
        private void stepAsideForMail() {
            if (Thread.currentThread() != thread || Thread.holdsLock(lock) || !(mailboxWantsLock || control.hasMail())) {
                return;
            }
            long seen = rounds;
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_STEP_ASIDE_MILLIS);
            while (rounds == seen && !stopped && System.nanoTime() < deadline) {
                LockSupport.parkNanos(50_000);
            }
        }

        /** A safe point too: functions typically call this right before {@code synchronized}. */
        @Override
        public Object getCheckpointLock() {
            stepAsideForMail();
            return lock;
        }

        @Override
        public void close() {}
    }
}
