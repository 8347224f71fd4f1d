package dev.eddy.streaming.api.operators.async;

import dev.eddy.streaming.api.functions.async.AsyncFunction;
import dev.eddy.streaming.api.functions.async.ResultFuture;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An async function whose calls the test completes by hand (from any thread). It counts the calls
 * in flight (invoked, not yet completed through {@link Call}) and the maximum seen. Not serialized:
 * the async harness uses the operator as given.
 */
class ManualAsyncFunction implements AsyncFunction<Integer, String> {
    private static final long serialVersionUID = 1L;

    /** One asyncInvoke call. */
    static final class Call {
        final int value;
        final ResultFuture<String> future;
        private final ManualAsyncFunction owner;

        Call(int value, ResultFuture<String> future, ManualAsyncFunction owner) {
            this.value = value;
            this.future = future;
            this.owner = owner;
        }

        void complete(String... results) {
            owner.inFlight.decrementAndGet();
            future.complete(List.of(results));
        }

        void fail(Throwable error) {
            owner.inFlight.decrementAndGet();
            future.completeExceptionally(error);
        }
    }

    final transient LinkedBlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    final transient AtomicInteger inFlight = new AtomicInteger();
    final transient AtomicInteger maxInFlight = new AtomicInteger();
    final transient AtomicInteger invocations = new AtomicInteger();

    @Override
    public void asyncInvoke(Integer input, ResultFuture<String> resultFuture) {
        invocations.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        calls.add(new Call(input, resultFuture, this));
    }

    /** The next call, waiting up to 10 s. */
    Call next() throws InterruptedException {
        Call c = calls.poll(10, TimeUnit.SECONDS);
        if (c == null) {
            throw new AssertionError("asyncInvoke was not called within 10 s");
        }
        return c;
    }

    /** Takes all calls made so far. */
    List<Call> drain() {
        List<Call> all = new java.util.ArrayList<>();
        calls.drainTo(all);
        return all;
    }
}
