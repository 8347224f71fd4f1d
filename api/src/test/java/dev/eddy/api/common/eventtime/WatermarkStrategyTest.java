package dev.eddy.api.common.eventtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatermarkStrategyTest {
    private final List<Long> emitted = new ArrayList<>();
    private final WatermarkOutput output = new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            emitted.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    };

    @Test
    void boundedOutOfOrdernessTrailsTheHighestTimestamp() {
        WatermarkGenerator<String> generator = WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofMillis(100))
                .createWatermarkGenerator(null);
        generator.onPeriodicEmit(output);
        generator.onEvent("a", 1_000, output);
        generator.onEvent("b", 900, output);
        generator.onPeriodicEmit(output);
        generator.onEvent("c", 2_000, output);
        generator.onPeriodicEmit(output);

        assertThat(emitted).containsExactly(Long.MIN_VALUE, 899L, 1_899L);
    }

    @Test
    void monotonousTimestampsGiveTheHighestTimestampMinusOne() {
        WatermarkGenerator<String> generator = WatermarkStrategy.<String>forMonotonousTimestamps().createWatermarkGenerator(null);
        generator.onEvent("a", 10, output);
        generator.onPeriodicEmit(output);
        assertThat(emitted).containsExactly(9L);
    }

    @Test
    void noWatermarksEmitsNothingAndKeepsRecordTimestamps() {
        WatermarkStrategy<String> strategy = WatermarkStrategy.noWatermarks();
        WatermarkGenerator<String> generator = strategy.createWatermarkGenerator(null);
        generator.onEvent("a", 10, output);
        generator.onPeriodicEmit(output);
        assertThat(emitted).isEmpty();
        assertThat(strategy.createTimestampAssigner(null).extractTimestamp("a", 42)).isEqualTo(42);
    }

    @Test
    void withTimestampAssignerReplacesTheAssignerAndKeepsTheGenerator() {
        WatermarkStrategy<String> strategy = WatermarkStrategy.<String>forMonotonousTimestamps()
                .withTimestampAssigner((element, previous) -> element.length());
        assertThat(strategy.createTimestampAssigner(null).extractTimestamp("abcd", 0)).isEqualTo(4);
        assertThat(strategy.createWatermarkGenerator(null)).isInstanceOf(BoundedOutOfOrdernessWatermarks.class);
    }

    @Test
    void strategiesAreSerializableLikeInAJobGraph() throws Exception {
        WatermarkStrategy<String> strategy = WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofSeconds(1))
                .withTimestampAssigner((element, previous) -> 7L);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(strategy);
        }
        @SuppressWarnings("unchecked")
        WatermarkStrategy<String> copy = (WatermarkStrategy<String>) new ObjectInputStream(
                new ByteArrayInputStream(bytes.toByteArray())).readObject();
        assertThat(copy.createTimestampAssigner(null).extractTimestamp("x", 0)).isEqualTo(7L);
    }

    @Test
    void rejectsANegativeOutOfOrderness() {
        assertThatThrownBy(() -> WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-negative");
    }
}
