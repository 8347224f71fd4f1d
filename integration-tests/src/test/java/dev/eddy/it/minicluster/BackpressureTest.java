package dev.eddy.it.minicluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.MemorySize;
import dev.eddy.configuration.NettyShuffleEnvironmentOptions;
import dev.eddy.core.execution.JobClient;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.sink.legacy.SinkFunction;
import dev.eddy.streaming.api.functions.source.legacy.SourceFunction;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A deliberately slow sink slows the source down instead of letting records pile up in memory. */
class BackpressureTest {
    static final AtomicLong EMITTED = new AtomicLong();
    static final AtomicLong CONSUMED = new AtomicLong();

    @Test
    void slowSinkThrottlesTheSource() throws Exception {
        Configuration conf = new Configuration();
        conf.set(NettyShuffleEnvironmentOptions.NETWORK_MEMORY_MAX, MemorySize.parse("8 mb"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        env.addSource(new FastSource()).rebalance().addSink(new SlowSink());

        JobClient job = env.executeAsync("backpressure");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> CONSUMED.get() > 500);
            Thread.sleep(2000);
            long emitted1 = EMITTED.get();
            long consumed1 = CONSUMED.get();
            Thread.sleep(2000);
            long emitted2 = EMITTED.get();
            long consumed2 = CONSUMED.get();
            // 8 MB of network buffers hold well under a million small records; without back-pressure
            // the source would emit tens of millions in these seconds
            assertThat(emitted2 - consumed2).as("records in flight").isLessThan(1_000_000L);
            assertThat(emitted2 - emitted1).as("source progress follows the sink's")
                    .isLessThan((consumed2 - consumed1) + 1_000_000L);
            assertThat(consumed2).isGreaterThan(consumed1);
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** Emits as fast as it may. */
    static final class FastSource implements SourceFunction<Long> {
        private static final long serialVersionUID = 1L;
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<Long> ctx) {
            long n = 0;
            while (running) {
                ctx.collect(n++);
                EMITTED.incrementAndGet();
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** About a thousand records per second. */
    static final class SlowSink implements SinkFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(Long value, Context context) throws InterruptedException {
            Thread.sleep(1);
            CONSUMED.incrementAndGet();
        }
    }
}
