package dev.eddy.streaming.api.operators.async;

import static dev.eddy.streaming.api.operators.async.AsyncWaitOperatorTest.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.streaming.api.datastream.AsyncDataStream.OutputMode;
import dev.eddy.streaming.api.functions.async.AsyncRetryStrategy;
import dev.eddy.streaming.api.functions.async.ResultFuture;
import dev.eddy.streaming.util.retryable.AsyncRetryStrategies;
import dev.eddy.streaming.util.retryable.RetryPredicates;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncWaitOperatorRetryTest {

    @SuppressWarnings("unchecked")
    private static AsyncRetryStrategy<String> fixed(int maxAttempts, long delay) {
        return new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<String>(maxAttempts, delay)
                .ifResult(RetryPredicates.EMPTY_RESULT_PREDICATE)
                .ifException(RetryPredicates.HAS_EXCEPTION_PREDICATE)
                .build();
    }

    @Test
    void fixedDelayRetriesErrorsAndEmptyResultsAfterTheBackoff() throws Exception {
        ManualAsyncFunction fn = new ManualAsyncFunction();
        AsyncOperatorHarness<Integer, String> h = new AsyncOperatorHarness<>(operator(fn, OutputMode.ORDERED, 10, 0, fixed(3, 100))).open();
        h.processElement(1, 5);
        fn.next().fail(new IOException("flaky"));
        h.runMail();
        h.setProcessingTime(99);
        assertThat(fn.invocations.get()).isEqualTo(1);
        h.setProcessingTime(100);
        assertThat(fn.invocations.get()).isEqualTo(2);
        fn.next().complete(); // empty result: retried too
        h.runMail();
        h.setProcessingTime(200);
        assertThat(fn.invocations.get()).isEqualTo(3);
        fn.next().complete("ok");
        h.runMail();
        assertThat(h.getOutput()).containsExactly(new dev.eddy.streaming.runtime.streamrecord.StreamRecord<>("ok", 5));
        assertThat(h.processingTime().getNumActiveTimers()).isZero();
    }

    @Test
    void whenTheAttemptsAreUsedUpTheLastErrorFailsTheTask() throws Exception {
        ManualAsyncFunction fn = new ManualAsyncFunction();
        AsyncOperatorHarness<Integer, String> h = new AsyncOperatorHarness<>(operator(fn, OutputMode.ORDERED, 10, 0, fixed(2, 10))).open();
        h.processElement(9);
        fn.next().fail(new IOException("e1"));
        h.runMail();
        h.setProcessingTime(10);
        fn.next().fail(new IOException("e2"));
        h.runMail();
        h.setProcessingTime(20);
        fn.next().fail(new IOException("e3"));
        assertThat(fn.invocations.get()).as("first call plus maxAttempts retries").isEqualTo(3);
        assertThatThrownBy(h::runMail).isInstanceOf(AsyncWaitOperator.AsyncIOException.class)
                .hasMessageContaining("input 9").hasMessageContaining("3 attempt(s)").hasRootCauseMessage("e3");
    }

    @Test
    void whenTheAttemptsAreUsedUpAnEmptyResultIsEmittedAsIs() throws Exception {
        ManualAsyncFunction fn = new ManualAsyncFunction();
        AsyncOperatorHarness<Integer, String> h = new AsyncOperatorHarness<>(operator(fn, OutputMode.UNORDERED, 10, 0, fixed(1, 10))).open();
        h.processElement(1);
        h.processElement(2);
        List<ManualAsyncFunction.Call> calls = fn.drain();
        calls.get(0).complete();
        calls.get(1).complete("two");
        h.runMail();
        h.setProcessingTime(10);
        fn.next().complete();
        h.runMail();
        h.finish();
        assertThat(h.outputValues()).containsExactly("two");
        assertThat(fn.invocations.get()).isEqualTo(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void exponentialBackoffDoublesTheDelayUpToTheCap() throws Exception {
        AsyncRetryStrategy<String> strategy = new AsyncRetryStrategies.ExponentialBackoffDelayRetryStrategyBuilder<String>(4, 100, 500, 2.0)
                .ifResult(RetryPredicates.EMPTY_RESULT_PREDICATE).build();
        assertThat(List.of(1, 2, 3, 4, 5)).extracting(strategy::getBackoffTimeMillis).containsExactly(100L, 200L, 400L, 500L, 500L);
        assertThat(strategy.canRetry(4)).isTrue();
        assertThat(strategy.canRetry(5)).isFalse();

        ManualAsyncFunction fn = new ManualAsyncFunction();
        AsyncOperatorHarness<Integer, String> h = new AsyncOperatorHarness<>(operator(fn, OutputMode.ORDERED, 10, 0, strategy)).open();
        h.processElement(1);
        long[] retryTimes = {100, 300, 700, 1200};
        for (long t : retryTimes) {
            fn.next().complete();
            h.runMail();
            h.setProcessingTime(t - 1);
            assertThat(fn.calls).as("no retry before %d", t).isEmpty();
            h.setProcessingTime(t);
        }
        fn.next().complete("finally");
        h.runMail();
        assertThat(h.outputValues()).containsExactly("finally");
        assertThat(fn.invocations.get()).isEqualTo(5);
    }

    @Test
    void theTimeoutCoversAllAttemptsAndCancelsAPendingRetry() throws Exception {
        ManualAsyncFunction fn = new ManualAsyncFunction() {
            @Override
            public void timeout(Integer input, ResultFuture<String> resultFuture) {
                resultFuture.complete(List.of("timeout-" + input));
            }
        };
        AsyncOperatorHarness<Integer, String> h = new AsyncOperatorHarness<>(operator(fn, OutputMode.ORDERED, 10, 250, fixed(5, 100))).open();
        h.processElement(4);
        for (long t : new long[] {100, 200}) {
            fn.next().fail(new IOException("down"));
            h.runMail();
            h.setProcessingTime(t);
        }
        fn.next().fail(new IOException("down")); // third attempt fails at 200: retry due at 300
        h.runMail();
        h.setProcessingTime(250);
        assertThat(h.outputValues()).containsExactly("timeout-4");
        h.setProcessingTime(400);
        assertThat(fn.invocations.get()).as("the retry due at 300 was cancelled").isEqualTo(3);
        assertThat(h.processingTime().getNumActiveTimers()).isZero();
    }

    @Test
    void afterATimeoutDuringAnAttemptNoRetryFollows() throws Exception {
        ManualAsyncFunction fn = new ManualAsyncFunction() {
            @Override
            public void timeout(Integer input, ResultFuture<String> resultFuture) {
                // leave the in-flight attempt running: its own result decides
            }
        };
        AsyncOperatorHarness<Integer, String> h = new AsyncOperatorHarness<>(operator(fn, OutputMode.ORDERED, 10, 50, fixed(5, 10))).open();
        h.processElement(1);
        ManualAsyncFunction.Call call = fn.next();
        h.setProcessingTime(50);
        call.complete(); // empty, would be retried without the timeout
        h.runMail();
        h.setProcessingTime(100);
        assertThat(fn.invocations.get()).isEqualTo(1);
        assertThat(h.getOutput()).isEmpty();
        h.finish(); // the entry left the queue (emitting nothing)
    }

    @Test
    void noRetryStrategyNeverRetries() {
        @SuppressWarnings("unchecked")
        AsyncRetryStrategy<String> none = AsyncRetryStrategies.NO_RETRY_STRATEGY;
        assertThat(none.canRetry(1)).isFalse();
        assertThat(none.getRetryPredicate().resultPredicate()).isEmpty();
        assertThat(none.getRetryPredicate().exceptionPredicate()).isEmpty();
    }

    @Test
    void exceptionTypePredicateMatchesSubclasses() {
        assertThat(RetryPredicates.createExceptionTypePredicate(IOException.class).test(new java.io.FileNotFoundException())).isTrue();
        assertThat(RetryPredicates.createExceptionTypePredicate(IOException.class).test(new RuntimeException())).isFalse();
    }
}
