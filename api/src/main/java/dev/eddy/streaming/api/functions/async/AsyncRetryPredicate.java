package dev.eddy.streaming.api.functions.async;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides whether the outcome of an async call is retried: {@link #resultPredicate()} tests a
 * normal result, {@link #exceptionPredicate()} an error; an absent predicate never retries. Called
 * on the task thread.
 */
public interface AsyncRetryPredicate<OUT> {
    /** A predicate on the results that, when true, asks for a retry. */
    Optional<Predicate<Collection<OUT>>> resultPredicate();

    /** A predicate on the error that, when true, asks for a retry. */
    Optional<Predicate<Throwable>> exceptionPredicate();
}
