package dev.eddy.streaming.util.retryable;

import dev.eddy.streaming.api.functions.async.AsyncRetryPredicate;
import dev.eddy.streaming.api.functions.async.AsyncRetryStrategy;
import java.io.Serializable;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Ready-made {@link AsyncRetryStrategy retry strategies}: none, fixed delay, exponential backoff.
 * {@code maxAttempts} is the number of retries after the first call. The result and exception
 * predicates travel with the job, so they must be serializable (for lambdas: cast to an
 * intersection type, or use {@link RetryPredicates}).
 */
public final class AsyncRetryStrategies {
    /** Never retries. */
    @SuppressWarnings("rawtypes")
    public static final NoRetryStrategy NO_RETRY_STRATEGY = new NoRetryStrategy();

    private AsyncRetryStrategies() {}

    /** A strategy that never retries. */
    public static final class NoRetryStrategy<OUT> implements AsyncRetryStrategy<OUT> {
        private static final long serialVersionUID = 1L;

        private NoRetryStrategy() {}

        @Override
        public boolean canRetry(int currentAttempts) {
            return false;
        }

        @Override
        public long getBackoffTimeMillis(int currentAttempts) {
            return -1;
        }

        @Override
        public AsyncRetryPredicate<OUT> getRetryPredicate() {
            return new Predicates<>(null, null);
        }
    }

    /** Retries up to {@code maxAttempts} times, {@code backoffTimeMillis} apart. */
    public static final class FixedDelayRetryStrategy<OUT> implements AsyncRetryStrategy<OUT> {
        private static final long serialVersionUID = 1L;
        private final int maxAttempts;
        private final long backoffTimeMillis;
        private final Predicates<OUT> predicates;

        private FixedDelayRetryStrategy(int maxAttempts, long backoffTimeMillis, Predicates<OUT> predicates) {
            this.maxAttempts = maxAttempts;
            this.backoffTimeMillis = backoffTimeMillis;
            this.predicates = predicates;
        }

        @Override
        public boolean canRetry(int currentAttempts) {
            return currentAttempts <= maxAttempts;
        }

        @Override
        public long getBackoffTimeMillis(int currentAttempts) {
            return backoffTimeMillis;
        }

        @Override
        public AsyncRetryPredicate<OUT> getRetryPredicate() {
            return predicates;
        }
    }

    /** Builds a {@link FixedDelayRetryStrategy}. */
    public static final class FixedDelayRetryStrategyBuilder<OUT> {
        private final int maxAttempts;
        private final long backoffTimeMillis;
        private Predicate<Collection<OUT>> resultPredicate;
        private Predicate<Throwable> exceptionPredicate;

        public FixedDelayRetryStrategyBuilder(int maxAttempts, long backoffTimeMillis) {
            if (maxAttempts <= 0) {
                throw new IllegalArgumentException("maxAttempts must be > 0, was " + maxAttempts);
            }
            if (backoffTimeMillis <= 0) {
                throw new IllegalArgumentException("backoffTimeMillis must be > 0, was " + backoffTimeMillis);
            }
            this.maxAttempts = maxAttempts;
            this.backoffTimeMillis = backoffTimeMillis;
        }

        public FixedDelayRetryStrategyBuilder<OUT> ifResult(Predicate<Collection<OUT>> resultRetryPredicate) {
            this.resultPredicate = resultRetryPredicate;
            return this;
        }

        public FixedDelayRetryStrategyBuilder<OUT> ifException(Predicate<Throwable> exceptionRetryPredicate) {
            this.exceptionPredicate = exceptionRetryPredicate;
            return this;
        }

        public FixedDelayRetryStrategy<OUT> build() {
            return new FixedDelayRetryStrategy<>(maxAttempts, backoffTimeMillis, new Predicates<>(resultPredicate, exceptionPredicate));
        }
    }

    /**
     * Retries up to {@code maxAttempts} times; the first wait is {@code initialDelay}, each next one
     * {@code multiplier} times the previous, capped at {@code maxRetryDelay}. The delay depends only
     * on the attempt number, so concurrent elements do not influence each other's backoff.
     */
    public static final class ExponentialBackoffDelayRetryStrategy<OUT> implements AsyncRetryStrategy<OUT> {
        private static final long serialVersionUID = 1L;
        private final int maxAttempts;
        private final long initialDelay;
        private final long maxRetryDelay;
        private final double multiplier;
        private final Predicates<OUT> predicates;

        private ExponentialBackoffDelayRetryStrategy(int maxAttempts, long initialDelay, long maxRetryDelay, double multiplier,
                Predicates<OUT> predicates) {
            this.maxAttempts = maxAttempts;
            this.initialDelay = initialDelay;
            this.maxRetryDelay = maxRetryDelay;
            this.multiplier = multiplier;
            this.predicates = predicates;
        }

        @Override
        public boolean canRetry(int currentAttempts) {
            return currentAttempts <= maxAttempts;
        }

        @Override
        public long getBackoffTimeMillis(int currentAttempts) {
            double delay = initialDelay;
            for (int i = 1; i < currentAttempts && delay < maxRetryDelay; i++) {
                delay *= multiplier;
            }
            return (long) Math.min(delay, maxRetryDelay);
        }

        @Override
        public AsyncRetryPredicate<OUT> getRetryPredicate() {
            return predicates;
        }
    }

    /** Builds an {@link ExponentialBackoffDelayRetryStrategy}. */
    public static final class ExponentialBackoffDelayRetryStrategyBuilder<OUT> {
        private final int maxAttempts;
        private final long initialDelay;
        private final long maxRetryDelay;
        private final double multiplier;
        private Predicate<Collection<OUT>> resultPredicate;
        private Predicate<Throwable> exceptionPredicate;

        public ExponentialBackoffDelayRetryStrategyBuilder(int maxAttempts, long initialDelay, long maxRetryDelay, double multiplier) {
            if (maxAttempts <= 0) {
                throw new IllegalArgumentException("maxAttempts must be > 0, was " + maxAttempts);
            }
            if (initialDelay <= 0 || maxRetryDelay < initialDelay) {
                throw new IllegalArgumentException("Need 0 < initialDelay <= maxRetryDelay, got initialDelay=" + initialDelay
                        + " maxRetryDelay=" + maxRetryDelay);
            }
            if (multiplier < 1.0) {
                throw new IllegalArgumentException("multiplier must be >= 1.0, was " + multiplier);
            }
            this.maxAttempts = maxAttempts;
            this.initialDelay = initialDelay;
            this.maxRetryDelay = maxRetryDelay;
            this.multiplier = multiplier;
        }

        public ExponentialBackoffDelayRetryStrategyBuilder<OUT> ifResult(Predicate<Collection<OUT>> resultRetryPredicate) {
            this.resultPredicate = resultRetryPredicate;
            return this;
        }

        public ExponentialBackoffDelayRetryStrategyBuilder<OUT> ifException(Predicate<Throwable> exceptionRetryPredicate) {
            this.exceptionPredicate = exceptionRetryPredicate;
            return this;
        }

        public ExponentialBackoffDelayRetryStrategy<OUT> build() {
            return new ExponentialBackoffDelayRetryStrategy<>(maxAttempts, initialDelay, maxRetryDelay, multiplier,
                    new Predicates<>(resultPredicate, exceptionPredicate));
        }
    }

    /** The two optional predicates of a strategy. */
    private static final class Predicates<OUT> implements AsyncRetryPredicate<OUT>, Serializable {
        private static final long serialVersionUID = 1L;
        private final Predicate<Collection<OUT>> resultPredicate;
        private final Predicate<Throwable> exceptionPredicate;

        Predicates(Predicate<Collection<OUT>> resultPredicate, Predicate<Throwable> exceptionPredicate) {
            this.resultPredicate = resultPredicate;
            this.exceptionPredicate = exceptionPredicate;
        }

        @Override
        public Optional<Predicate<Collection<OUT>>> resultPredicate() {
            return Optional.ofNullable(resultPredicate);
        }

        @Override
        public Optional<Predicate<Throwable>> exceptionPredicate() {
            return Optional.ofNullable(exceptionPredicate);
        }
    }
}
