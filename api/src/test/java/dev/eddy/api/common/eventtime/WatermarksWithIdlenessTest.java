package dev.eddy.api.common.eventtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.util.clock.ManualClock;
import dev.eddy.util.clock.RelativeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatermarksWithIdlenessTest {
    private final List<String> out = new ArrayList<>();
    private final WatermarkOutput output = new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            out.add("W" + watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
            out.add("IDLE");
        }

        @Override
        public void markActive() {
            out.add("ACTIVE");
        }
    };
    private final ManualClock clock = new ManualClock();

    private WatermarkGenerator<String> generator(Duration idleTimeout) {
        WatermarkStrategy<String> strategy = WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofMillis(10))
                .withIdleness(idleTimeout);
        return strategy.createWatermarkGenerator(new WatermarkGeneratorSupplier.Context() {
            @Override
            public RelativeClock getInputActivityClock() {
                return clock;
            }
        });
    }

    @Test
    void marksIdleAfterTheTimeoutWithoutEventsAndActiveOnTheNextEvent() {
        WatermarkGenerator<String> g = generator(Duration.ofSeconds(5));
        g.onEvent("a", 100, output);
        clock.advanceTime(Duration.ofSeconds(4));
        g.onPeriodicEmit(output);
        assertThat(out).containsExactly("W89");
        clock.advanceTime(Duration.ofSeconds(1));
        g.onPeriodicEmit(output);
        g.onPeriodicEmit(output); // stays idle, emits nothing more
        assertThat(out).containsExactly("W89", "IDLE");
        g.onEvent("b", 200, output);
        g.onPeriodicEmit(output);
        assertThat(out).containsExactly("W89", "IDLE", "ACTIVE", "W189");
    }

    @Test
    void aSteadyStreamNeverBecomesIdle() {
        WatermarkGenerator<String> g = generator(Duration.ofMillis(100));
        for (int i = 0; i < 10; i++) {
            clock.advanceTime(Duration.ofMillis(60));
            g.onEvent("x", i, output);
            g.onPeriodicEmit(output);
        }
        assertThat(out).doesNotContain("IDLE");
    }

    @Test
    void theTimeoutStartsAtCreationWhenNoEventEverCame() {
        WatermarkGenerator<String> g = generator(Duration.ofMillis(100));
        g.onPeriodicEmit(output);
        clock.advanceTime(Duration.ofMillis(100));
        g.onPeriodicEmit(output);
        assertThat(out).containsExactly("W" + Long.MIN_VALUE, "IDLE");
    }

    @Test
    void withIdlenessKeepsTheTimestampAssignerAndRejectsNonPositiveTimeouts() {
        WatermarkStrategy<String> strategy = WatermarkStrategy.<String>forMonotonousTimestamps()
                .withTimestampAssigner((s, t) -> Long.parseLong(s)).withIdleness(Duration.ofSeconds(1));
        assertThat(strategy.createTimestampAssigner(null).extractTimestamp("42", 0)).isEqualTo(42);
        assertThat(strategy.createWatermarkGenerator(null)).isInstanceOf(WatermarksWithIdleness.class);
        assertThatThrownBy(() -> strategy.withIdleness(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void watermarkAlignmentIsAcceptedAsANoOp() {
        WatermarkStrategy<String> strategy = WatermarkStrategy.forMonotonousTimestamps();
        assertThat(strategy.withWatermarkAlignment("group", Duration.ofSeconds(1))).isSameAs(strategy);
    }

    @Test
    void theDefaultTimestampAssignerKeepsTheRecordsTimestamp() {
        assertThat(WatermarkStrategy.<String>noWatermarks().createTimestampAssigner(null).extractTimestamp("a", 77)).isEqualTo(77);
    }
}
