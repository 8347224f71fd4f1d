package dev.eddy.difftest.jobs;

import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.streaming.api.datastream.AsyncDataStream;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.ProcessFunction;
import dev.eddy.streaming.api.functions.async.ResultFuture;
import dev.eddy.streaming.api.functions.async.RichAsyncFunction;
import dev.eddy.streaming.util.retryable.AsyncRetryStrategies;
import dev.eddy.streaming.util.retryable.RetryPredicates;
import dev.eddy.util.Collector;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Async I/O over the shared input, completed on a thread pool out of order: ordered wait (results
 * numbered in arrival order downstream, which ordered mode makes the input order), unordered wait
 * with a timeout fallback, ordered wait retrying failed first attempts, unordered wait retrying
 * empty first results. (Timestamps and watermarks are left to the event-time jobs.)
 */
public final class AsyncIoJob {
    private AsyncIoJob() {}

    @SuppressWarnings("unchecked")
    public static DataStream<String> build(StreamExecutionEnvironment env) {
        DataStream<Tuple3<String, Long, Integer>> events = env.fromData(Events.generate(11, 1_000, 5));

        DataStream<String> ordered = AsyncDataStream.orderedWait(events, new Lookup("ordered", Lookup.PLAIN), 10, TimeUnit.SECONDS, 16)
                .setParallelism(1)
                .process(new Numbered())
                .setParallelism(1);

        DataStream<String> timeouts = AsyncDataStream.unorderedWait(events, new Lookup("timeout", Lookup.NEVER_EVERY_25TH), 1,
                TimeUnit.SECONDS, 64);

        DataStream<String> retried = AsyncDataStream.orderedWaitWithRetry(events, new Lookup("retried", Lookup.FAIL_FIRST_EVERY_4TH), 10,
                TimeUnit.SECONDS, 16,
                new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<String>(3, 5)
                        .ifException(RetryPredicates.HAS_EXCEPTION_PREDICATE)
                        .build());

        DataStream<String> emptyRetried = AsyncDataStream.unorderedWaitWithRetry(events,
                new Lookup("empty", Lookup.EMPTY_FIRST_EVERY_5TH), 10, TimeUnit.SECONDS, 16,
                new AsyncRetryStrategies.ExponentialBackoffDelayRetryStrategyBuilder<String>(3, 2, 20, 2.0)
                        .ifResult(RetryPredicates.EMPTY_RESULT_PREDICATE)
                        .build());

        return ordered.union(timeouts, retried, emptyRetried);
    }

    /** Describes an event on a pool thread after 0-2 ms; the mode decides which requests misbehave. */
    public static final class Lookup extends RichAsyncFunction<Tuple3<String, Long, Integer>, String> {
        private static final long serialVersionUID = 1L;
        static final int PLAIN = 0;
        static final int NEVER_EVERY_25TH = 1;
        static final int FAIL_FIRST_EVERY_4TH = 2;
        static final int EMPTY_FIRST_EVERY_5TH = 3;
        private final String tag;
        private final int mode;
        private transient ExecutorService pool;
        private transient Map<Tuple3<String, Long, Integer>, Integer> attempts;

        public Lookup(String tag, int mode) {
            this.tag = tag;
            this.mode = mode;
        }

        @Override
        public void open(OpenContext openContext) {
            pool = Executors.newFixedThreadPool(3);
            attempts = new ConcurrentHashMap<>();
        }

        @Override
        public void asyncInvoke(Tuple3<String, Long, Integer> event, ResultFuture<String> resultFuture) {
            int attempt = attempts.merge(event, 1, Integer::sum);
            pool.execute(() -> {
                try {
                    Thread.sleep(event.f2 % 3);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (mode == NEVER_EVERY_25TH && event.f2 % 25 == 0) {
                    return; // never completes: the timeout answers
                }
                // only well before the end of the input: once it has ended, results are final (no retries)
                boolean early = event.f1 < 150_000;
                if (mode == FAIL_FIRST_EVERY_4TH && event.f2 % 4 == 0 && attempt == 1 && early) {
                    resultFuture.completeExceptionally(new IllegalStateException("first attempt fails for " + event));
                } else if (mode == EMPTY_FIRST_EVERY_5TH && event.f2 % 5 == 0 && attempt == 1 && early) {
                    resultFuture.complete(Collections.emptyList());
                } else {
                    resultFuture.complete(Collections.singletonList(tag + " " + event));
                }
            });
        }

        @Override
        public void timeout(Tuple3<String, Long, Integer> event, ResultFuture<String> resultFuture) {
            resultFuture.complete(Collections.singletonList(tag + " fallback " + event));
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** Numbers the records in arrival order (parallelism 1): ordered mode makes that the input order. */
    public static final class Numbered extends ProcessFunction<String, String> {
        private static final long serialVersionUID = 1L;
        private transient long n;

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            out.collect("#" + (n++) + " " + value);
        }
    }
}
