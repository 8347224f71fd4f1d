package dev.eddy.difftest.jobs;

import dev.eddy.api.java.tuple.Tuple3;
import dev.eddy.streaming.api.datastream.AsyncDataStream;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.async.AsyncFunction;
import dev.eddy.streaming.api.functions.async.ResultFuture;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Async I/O, ordered and unordered, with a "lookup" completed on another thread after a small
 * value-dependent delay; some inputs expand to two results and some to none.
 */
public final class AsyncJob {
    private AsyncJob() {}

    public static DataStream<String> build(StreamExecutionEnvironment env) {
        DataStream<Tuple3<String, Long, Integer>> events = env.fromData(Events.generate(51, 600, 5));
        DataStream<String> ordered = AsyncDataStream.orderedWait(events, new Lookup("ordered"), 10, TimeUnit.SECONDS, 5);
        DataStream<String> unordered = AsyncDataStream.unorderedWait(events, new Lookup("unordered"), 10, TimeUnit.SECONDS, 3);
        return ordered.union(unordered);
    }

    static final class Lookup implements AsyncFunction<Tuple3<String, Long, Integer>, String> {
        private final String label;

        Lookup(String label) {
            this.label = label;
        }

        @Override
        public void asyncInvoke(Tuple3<String, Long, Integer> e, ResultFuture<String> result) {
            CompletableFuture.runAsync(() -> {
                if (e.f2 % 10 == 0) {
                    result.complete(List.of());
                } else if (e.f2 % 7 == 0) {
                    result.complete(List.of(label + " " + e, label + " twice " + e));
                } else {
                    result.complete(List.of(label + " " + e));
                }
            }, CompletableFuture.delayedExecutor(e.f2 % 3, TimeUnit.MILLISECONDS));
        }
    }
}
