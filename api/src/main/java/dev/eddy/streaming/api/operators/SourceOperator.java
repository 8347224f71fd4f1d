package dev.eddy.streaming.api.operators;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The head of a source chain. The task calls {@link #run} once on its thread; the source emits
 * through the output it got in setup. Between records a source must call
 * {@link SourceContextControl#checkpointOrYield()} so mail (cancellation, timers, later
 * checkpoint barriers) is processed. {@link #cancel()} may be called from another thread and must
 * only set a flag.
 */
public interface SourceOperator<OUT> extends StreamOperator<OUT> {
    /** Runs until the source is exhausted (returns) or cancelled. */
    void run(SourceContextControl control) throws Exception;

    /** Asks run to return soon. Thread-safe. */
    void cancel();

    /** Handed to {@link #run}: lets the source give the task thread a chance to process mail. */
    interface SourceContextControl {
        /** Runs pending mail and waits while output is back-pressured. Task thread only. */
        void checkpointOrYield() throws Exception;

        /** True once the task is being cancelled. */
        boolean isCancelled();

        /**
         * True if mail is queued (may be momentarily stale). Any thread: a legacy source's own
         * thread uses it to let the task thread in (see {@link StreamSource}). Default: false.
         */
        default boolean hasMail() {
            return false;
        }

        /**
         * Parks the task thread until mail is queued or {@code wakeUp} completes, whichever comes
         * first; runs no mail. Task thread only. Default (a control without a mailbox to watch):
         * waits at most 1 ms for {@code wakeUp}.
         */
        default void awaitMailOr(CompletableFuture<?> wakeUp) throws Exception {
            try {
                wakeUp.get(1, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException | CancellationException e) {
                // woken or timed out: the caller looks at wakeUp itself
            }
        }
    }
}
