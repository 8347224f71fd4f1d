package dev.eddy.streaming.api.functions.async;

import java.util.Collection;

/**
 * Receives the results of one {@link AsyncFunction#asyncInvoke} call. Every method may be called
 * from any thread; only the first completion counts, later ones are ignored. The results are handed
 * to the task thread as mail and emitted there (in input order or as completed, depending on the
 * operator's output mode), with the input record's timestamp.
 */
public interface ResultFuture<OUT> {
    /** Completes with {@code result} (an empty collection emits nothing; null is not allowed). */
    void complete(Collection<OUT> result);

    /** Completes with an error: retried if the retry strategy says so, else the job fails. */
    void completeExceptionally(Throwable error);

    /**
     * Completes with results computed by {@code supplier} on the task thread (for results that are
     * cheap to compute but must not be built on the I/O thread). An exception thrown by the supplier
     * counts as {@link #completeExceptionally}.
     */
    void complete(CollectionSupplier<OUT> supplier);
}
