package dev.eddy.streaming.util.retryable;

import java.io.Serializable;
import java.util.Collection;
import java.util.function.Predicate;

/** Ready-made retry predicates for {@link AsyncRetryStrategies} builders. All are serializable and stateless. */
public final class RetryPredicates {
    /** Retries when the result is empty (or null). */
    @SuppressWarnings("rawtypes")
    public static final EmptyResultPredicate EMPTY_RESULT_PREDICATE = new EmptyResultPredicate();

    /** Retries on any error. */
    public static final HasExceptionPredicate HAS_EXCEPTION_PREDICATE = new HasExceptionPredicate();

    private RetryPredicates() {}

    /** Retries on errors that are instances of {@code type} (subclasses included). */
    public static ExceptionTypePredicate createExceptionTypePredicate(Class<? extends Throwable> type) {
        return new ExceptionTypePredicate(type);
    }

    /** True for a null or empty result collection. */
    public static final class EmptyResultPredicate<T> implements Predicate<Collection<T>>, Serializable {
        private static final long serialVersionUID = 1L;

        private EmptyResultPredicate() {}

        @Override
        public boolean test(Collection<T> results) {
            return results == null || results.isEmpty();
        }
    }

    /** True for every error. */
    public static final class HasExceptionPredicate implements Predicate<Throwable>, Serializable {
        private static final long serialVersionUID = 1L;

        private HasExceptionPredicate() {}

        @Override
        public boolean test(Throwable error) {
            return true;
        }
    }

    /** True for errors of one type. */
    public static final class ExceptionTypePredicate implements Predicate<Throwable>, Serializable {
        private static final long serialVersionUID = 1L;
        private final Class<? extends Throwable> type;

        private ExceptionTypePredicate(Class<? extends Throwable> type) {
            if (type == null) {
                throw new IllegalArgumentException("exception type must not be null");
            }
            this.type = type;
        }

        @Override
        public boolean test(Throwable error) {
            return type.isInstance(error);
        }
    }
}
