package dev.eddy.it.minicluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.functions.RichMapFunction;
import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.configuration.Configuration;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.sink.legacy.RichSinkFunction;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Restart strategies on a real mini-cluster: a function that throws on its first attempt makes a
 * fixed-delay job restart from scratch (no checkpoints yet) and finish; with the default (none) or
 * with attempts exhausted the job fails.
 */
class RestartStrategyTest {
    static final AtomicInteger FAILURES = new AtomicInteger();
    static final Queue<Tuple2<Integer, Long>> SEEN = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void reset() {
        FAILURES.set(0);
        SEEN.clear();
    }

    static void build(StreamExecutionEnvironment env, int failuresToInject) {
        env.setParallelism(2);
        env.fromSequence(0, 999).map(new FailingMap(failuresToInject)).addSink(new AttemptSink());
    }

    @Test
    void fixedDelayRestartsTheJobWhichThenFinishes() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Configuration.fromMap(Map.of(
                "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "2",
                "restart-strategy.fixed-delay.delay", "100 ms")));
        build(env, 1);

        env.execute("restart-once");

        assertThat(FAILURES.get()).isEqualTo(1);
        int lastAttempt = SEEN.stream().mapToInt(t -> t.f0).max().orElseThrow();
        assertThat(lastAttempt).as("records seen by a later attempt").isGreaterThanOrEqualTo(1);
        List<Long> finalRun = SEEN.stream().filter(t -> t.f0 == lastAttempt).map(t -> t.f1).sorted().collect(Collectors.toList());
        assertThat(finalRun).as("the restarted attempt processed every record exactly once").hasSize(1000);
        assertThat(finalRun.stream().distinct().count()).isEqualTo(1000);
    }

    @Test
    void withoutARestartStrategyTheJobFails() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(env, 1);
        assertThatThrownBy(() -> env.execute("no-restart")).hasStackTraceContaining("injected failure");
        assertThat(FAILURES.get()).isEqualTo(1);
    }

    @Test
    void exhaustedAttemptsFailTheJobSayingSo() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(Configuration.fromMap(Map.of(
                "restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "1",
                "restart-strategy.fixed-delay.delay", "100 ms")));
        build(env, 100);
        assertThatThrownBy(() -> env.execute("always-failing")).hasStackTraceContaining("exhausted after 1 restarts")
                .hasStackTraceContaining("injected failure");
        assertThat(FAILURES.get()).isEqualTo(2);
    }

    /** Throws on record 500 while fewer than {@code failures} failures were injected. */
    public static final class FailingMap extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private final int failures;

        FailingMap(int failures) {
            this.failures = failures;
        }

        @Override
        public Long map(Long value) {
            if (value == 500L && FAILURES.get() < failures) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("injected failure on record 500");
            }
            return value;
        }
    }

    /** Records (attempt number, value). */
    public static final class AttemptSink extends RichSinkFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(Long value, Context context) {
            SEEN.add(Tuple2.of(getRuntimeContext().getTaskInfo().getAttemptNumber(), value));
        }
    }
}
