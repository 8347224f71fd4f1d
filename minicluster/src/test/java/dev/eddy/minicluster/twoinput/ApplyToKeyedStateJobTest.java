package dev.eddy.minicluster.twoinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.DeploymentOptions;
import dev.eddy.configuration.StateBackendOptions;
import dev.eddy.streaming.api.datastream.BroadcastStream;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.eddy.streaming.api.functions.source.legacy.SourceFunction;
import dev.eddy.util.Collector;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A broadcast rule change resets the counters of every key through
 * {@code Context.applyToKeyedState}, on both state backends. The sources take turns so that the
 * result is exact: the word source emits its first words and waits until the keyed function has
 * counted them; the rule source then emits "reset"; the word source emits its last words once
 * every parallel instance has applied the reset. Counts are reported by timers at the end of input.
 */
class ApplyToKeyedStateJobTest {
    private static final int PARALLELISM = 2;
    private static final List<String> BEFORE_RESET = List.of("apple", "pear", "apple", "fig", "apple", "pear");
    private static final List<String> AFTER_RESET = List.of("apple", "fig", "plum");
    static final MapStateDescriptor<String, String> RULES = new MapStateDescriptor<>("rules", Types.STRING, Types.STRING);
    static final AtomicInteger COUNTED = new AtomicInteger();
    static final AtomicInteger RESETS_APPLIED = new AtomicInteger();

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void aBroadcastRuleResetsTheCountersOfAllKeys(String backend) throws Exception {
        COUNTED.set(0);
        RESETS_APPLIED.set(0);
        Configuration conf = new Configuration();
        conf.set(DeploymentOptions.TARGET, "local");
        conf.set(StateBackendOptions.STATE_BACKEND, backend);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(PARALLELISM);
        env.setBufferTimeout(0);

        BroadcastStream<String> rules = env.addSource(new RuleSource(), Types.STRING).broadcast(RULES);
        DataStream<String> words = env.addSource(new WordSource(), Types.STRING);
        List<String> out = words.keyBy(w -> w).connect(rules).process(new ResettableCounter())
                .executeAndCollect("apply to keyed state (" + backend + ")", Integer.MAX_VALUE);

        assertThat(out).containsExactlyInAnyOrder(
                "reset apple from 3", "reset pear from 2", "reset fig from 1",
                "apple=1", "pear=0", "fig=1", "plum=1");
    }

    /**
     * Waits (polling) until {@code value} reaches {@code atLeast}; returns false when cancelled
     * first, fails the job after 60 s instead of hanging.
     */
    static boolean awaitAtLeast(IntSupplier value, int atLeast, String what, BooleanSupplier running) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (value.getAsInt() < atLeast) {
            if (!running.getAsBoolean()) {
                return false;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out waiting for " + what + " (" + value.getAsInt() + " of " + atLeast + ")");
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** The words before the reset, then (once every instance applied the reset) the words after it. */
    static final class WordSource implements SourceFunction<String> {
        private static final long serialVersionUID = 1L;
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<String> ctx) throws Exception {
            BEFORE_RESET.forEach(ctx::collect);
            if (awaitAtLeast(RESETS_APPLIED::get, PARALLELISM, "the reset on every parallel instance", () -> running)) {
                AFTER_RESET.forEach(ctx::collect);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** "reset", once every word before the reset was counted. */
    static final class RuleSource implements SourceFunction<String> {
        private static final long serialVersionUID = 1L;
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<String> ctx) throws Exception {
            if (awaitAtLeast(COUNTED::get, BEFORE_RESET.size(), "the words before the reset to be counted", () -> running)) {
                ctx.collect("reset");
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Counts words per key; "reset" clears every key's count; at the end each key reports its count. */
    static final class ResettableCounter extends KeyedBroadcastProcessFunction<String, String, String, String> {
        private static final long serialVersionUID = 1L;
        private static final ValueStateDescriptor<Long> COUNT = new ValueStateDescriptor<>("count", Types.LONG);
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext ctx) {
            count = getRuntimeContext().getState(COUNT);
        }

        @Override
        public void processElement(String word, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            Long c = count.value();
            count.update(c == null ? 1 : c + 1);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
            COUNTED.incrementAndGet();
        }

        @Override
        public void processBroadcastElement(String rule, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(RULES).put(rule, rule);
            ctx.applyToKeyedState(COUNT, (key, state) -> {
                out.collect("reset " + key + " from " + state.value());
                state.clear();
            });
            RESETS_APPLIED.incrementAndGet();
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            Long c = count.value();
            out.collect(ctx.getCurrentKey() + "=" + (c == null ? 0 : c));
        }
    }
}
