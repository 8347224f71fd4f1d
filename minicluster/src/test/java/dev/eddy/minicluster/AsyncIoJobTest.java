package dev.eddy.minicluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.DeploymentOptions;
import dev.eddy.core.execution.JobExecutionException;
import dev.eddy.streaming.api.datastream.AsyncDataStream;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.async.ResultFuture;
import dev.eddy.streaming.api.functions.async.RichAsyncFunction;
import dev.eddy.streaming.api.functions.sink.legacy.DiscardingSink;
import dev.eddy.streaming.util.retryable.AsyncRetryStrategies;
import dev.eddy.streaming.util.retryable.RetryPredicates;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Async I/O on the embedded cluster: a thread-pool-backed AsyncFunction at parallelism 2. */
@TestMethodOrder(MethodOrderer.MethodName.class)
class AsyncIoJobTest {
    private static final long N = 2000;

    private static StreamExecutionEnvironment env() {
        Configuration conf = new Configuration();
        conf.set(DeploymentOptions.TARGET, "local");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        return env;
    }

    @Test
    void orderedWaitGivesEveryResultOnceInInputOrderPerSubtask() throws Exception {
        StreamExecutionEnvironment env = env();
        DataStream<Tuple3<Integer, Long, Long>> out = AsyncDataStream.orderedWait(env.fromSequence(1, N), new PooledLookup(), 10,
                TimeUnit.SECONDS, 8);

        List<Tuple3<Integer, Long, Long>> results = out.executeAndCollect("async ordered", Integer.MAX_VALUE);

        assertThat(results.stream().map(t -> t.f1).sorted().collect(Collectors.toList()))
                .isEqualTo(LongStream.rangeClosed(1, N).boxed().collect(Collectors.toList()));
        assertThat(results).allMatch(t -> t.f2 == t.f1 * t.f1);
        Map<Integer, List<Long>> bySubtask = results.stream()
                .collect(Collectors.groupingBy(t -> t.f0, Collectors.mapping(t -> t.f1, Collectors.toList())));
        assertThat(bySubtask).hasSize(2);
        bySubtask.forEach((subtask, inputs) -> assertThat(inputs).as("subtask %d keeps its input order", subtask).isSorted());
    }

    @Test
    @SuppressWarnings("unchecked")
    void unorderedWaitWithRetryGivesEveryResultOnce() throws Exception {
        StreamExecutionEnvironment env = env();
        DataStream<Tuple3<Integer, Long, Long>> out = AsyncDataStream.unorderedWaitWithRetry(env.fromSequence(1, N),
                new PooledLookup(7), 10, TimeUnit.SECONDS, 8,
                new AsyncRetryStrategies.FixedDelayRetryStrategyBuilder<Tuple3<Integer, Long, Long>>(3, 1)
                        .ifException(RetryPredicates.HAS_EXCEPTION_PREDICATE).build());

        List<Tuple3<Integer, Long, Long>> results = out.executeAndCollect("async unordered", Integer.MAX_VALUE);

        assertThat(results.stream().map(t -> t.f1).sorted().collect(Collectors.toList()))
                .isEqualTo(LongStream.rangeClosed(1, N).boxed().collect(Collectors.toList()));
        assertThat(results).allMatch(t -> t.f2 == t.f1 * t.f1);
    }

    @Test
    void aRequestThatKeepsFailingFailsTheJob() {
        StreamExecutionEnvironment env = env();
        AsyncDataStream.unorderedWait(env.fromSequence(1, 100), new PooledLookup(1), 10, TimeUnit.SECONDS)
                .addSink(new DiscardingSink<>());
        assertThatThrownBy(() -> env.execute("async failing"))
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("lookup of").hasMessageContaining("failed");
    }

    /**
     * Squares the input on a small thread pool after a short input-dependent delay, so completions
     * arrive out of order. With {@code failEvery > 0}, the first attempt for every
     * {@code failEvery}-th input fails (the pool remembers which inputs it failed).
     */
    static final class PooledLookup extends RichAsyncFunction<Long, Tuple3<Integer, Long, Long>> {
        private static final long serialVersionUID = 1L;
        private final int failEvery;
        private transient ExecutorService pool;
        private transient java.util.Set<Long> failedOnce;
        private transient int subtask;

        PooledLookup() {
            this(0);
        }

        PooledLookup(int failEvery) {
            this.failEvery = failEvery;
        }

        @Override
        public void open(OpenContext openContext) {
            pool = Executors.newFixedThreadPool(4);
            failedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
            subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        }

        @Override
        public void asyncInvoke(Long input, ResultFuture<Tuple3<Integer, Long, Long>> resultFuture) {
            pool.execute(() -> {
                try {
                    Thread.sleep(input % 3);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                boolean fail = failEvery == 1 || (failEvery > 0 && input % failEvery == 0 && failedOnce.add(input));
                if (fail) {
                    resultFuture.completeExceptionally(new IOException("lookup of " + input + " failed"));
                } else {
                    List<Tuple3<Integer, Long, Long>> r = new ArrayList<>();
                    r.add(Tuple3.of(subtask, input, input * input));
                    resultFuture.complete(r);
                }
            });
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }
}
