package dev.eddy.streaming.api.operators.async;

import dev.eddy.streaming.api.functions.async.CollectionSupplier;
import dev.eddy.streaming.api.functions.async.ResultFuture;
import dev.eddy.streaming.api.operators.MailboxExecutor;
import java.util.Collection;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ResultFuture} of one attempt of one record. Any thread may complete it; the first
 * completion wins (an atomic flag, no lock) and is handed to the task thread as mail, where the
 * {@link Listener} decides what happens (emit, retry, fail). Completions after the task ended are
 * dropped.
 */
final class AttemptResultFuture<IN, OUT> implements ResultFuture<OUT> {
    private static final Logger LOG = LoggerFactory.getLogger(AttemptResultFuture.class);

    /** Receives the completion on the task thread. */
    interface Listener<IN, OUT> {
        /** Exactly one of {@code results} and {@code error} is non-null. */
        void onAttemptCompleted(AttemptResultFuture<IN, OUT> attempt, Collection<OUT> results, Throwable error) throws Exception;
    }

    final RecordEntry<IN, OUT> entry;
    private final MailboxExecutor mailbox;
    private final Listener<IN, OUT> listener;
    private final AtomicBoolean completed = new AtomicBoolean();

    AttemptResultFuture(RecordEntry<IN, OUT> entry, MailboxExecutor mailbox, Listener<IN, OUT> listener) {
        this.entry = entry;
        this.mailbox = mailbox;
        this.listener = listener;
    }

    @Override
    public void complete(Collection<OUT> result) {
        if (result == null) {
            completeExceptionally(new NullPointerException("ResultFuture.complete(null) for input " + entry.value
                    + ": complete with an empty collection to emit nothing"));
            return;
        }
        if (completed.compareAndSet(false, true)) {
            hand(() -> listener.onAttemptCompleted(this, result, null));
        }
    }

    @Override
    public void completeExceptionally(Throwable error) {
        Throwable e = error != null ? error
                : new NullPointerException("ResultFuture.completeExceptionally(null) for input " + entry.value);
        if (completed.compareAndSet(false, true)) {
            hand(() -> listener.onAttemptCompleted(this, null, e));
        }
    }

    @Override
    public void complete(CollectionSupplier<OUT> supplier) {
        if (supplier == null) {
            completeExceptionally(new NullPointerException("ResultFuture.complete(CollectionSupplier null) for input " + entry.value));
            return;
        }
        if (completed.compareAndSet(false, true)) {
            hand(() -> {
                Collection<OUT> results;
                try {
                    results = supplier.get();
                    if (results == null) {
                        throw new NullPointerException("The CollectionSupplier for input " + entry.value
                                + " returned null: return an empty collection to emit nothing");
                    }
                } catch (Exception e) {
                    listener.onAttemptCompleted(this, null, e);
                    return;
                }
                listener.onAttemptCompleted(this, results, null);
            });
        }
    }

    /** True once a completion was accepted. */
    boolean isCompleted() {
        return completed.get();
    }

    private void hand(MailboxExecutor.ThrowingRunnable onTaskThread) {
        try {
            mailbox.execute(onTaskThread, "async I/O result");
        } catch (RejectedExecutionException e) {
            LOG.debug("Dropping the async result for {}: the task has ended", entry.value);
        }
    }
}
