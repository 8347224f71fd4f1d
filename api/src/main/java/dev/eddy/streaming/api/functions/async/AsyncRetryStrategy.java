package dev.eddy.streaming.api.functions.async;

import java.io.Serializable;

/**
 * When and how often an async call is retried; see {@code AsyncRetryStrategies} for ready-made
 * ones. Travels inside the job graph (Java serialization), called on the task thread.
 *
 * <p>{@code currentAttempts} counts from 1: after the first call failed (or its result matched the
 * result predicate), the operator asks {@code canRetry(1)} and waits
 * {@code getBackoffTimeMillis(1)} before the second call, and so on. The operator's timeout covers
 * the first call and all retries together.
 */
public interface AsyncRetryStrategy<OUT> extends Serializable {
    /** True when another attempt may follow attempt number {@code currentAttempts}. */
    boolean canRetry(int currentAttempts);

    /** Milliseconds to wait (processing time) before the retry after attempt {@code currentAttempts}. */
    long getBackoffTimeMillis(int currentAttempts);

    /** Which results and errors are retried. */
    AsyncRetryPredicate<OUT> getRetryPredicate();
}
