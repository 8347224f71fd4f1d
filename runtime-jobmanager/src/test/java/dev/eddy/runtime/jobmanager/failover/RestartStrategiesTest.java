package dev.eddy.runtime.jobmanager.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.configuration.Configuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RestartStrategiesTest {
    private static RestartBackoffTimeStrategy of(Map<String, String> config) {
        return RestartStrategies.fromConfiguration(Configuration.fromMap(config));
    }

    @Test
    void withCheckpointingAnUnsetTypeMeansExponentialDelayButAnExplicitOneWins() {
        RestartBackoffTimeStrategy strategy = RestartStrategies.fromConfiguration(Configuration.fromMap(Map.of()), true);
        assertThat(strategy.description()).startsWith("exponential-delay (initial backoff 1 s");
        strategy.notifyFailure();
        assertThat(strategy.canRestart()).isTrue();
        assertThat(RestartStrategies.fromConfiguration(Configuration.fromMap(Map.of("restart-strategy.type", "none")), true).description())
                .isEqualTo("none");
    }

    @Test
    void unsetAndAliasesOfNoneNeverRestart() {
        for (Map<String, String> config : List.of(Map.<String, String>of(), Map.of("restart-strategy.type", "none"),
                Map.of("restart-strategy.type", "off"), Map.of("restart-strategy.type", "disable"))) {
            RestartBackoffTimeStrategy strategy = of(config);
            strategy.notifyFailure();
            assertThat(strategy.canRestart()).as(config.toString()).isFalse();
            assertThat(strategy.description()).isEqualTo("none");
        }
    }

    @Test
    void fixedDelayDefaultsToOneAttemptAfterOneSecond() {
        for (String type : List.of("fixed-delay", "fixeddelay", "Fixed-Delay")) {
            RestartBackoffTimeStrategy strategy = of(Map.of("restart-strategy.type", type));
            strategy.notifyFailure();
            assertThat(strategy.canRestart()).isTrue();
            assertThat(strategy.getBackoffTime()).isEqualTo(1000);
            strategy.notifyFailure();
            assertThat(strategy.canRestart()).isFalse();
        }
    }

    @Test
    void fixedDelayAllowsTheConfiguredAttempts() {
        RestartBackoffTimeStrategy strategy = of(Map.of("restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "3", "restart-strategy.fixed-delay.delay", "250 ms"));
        for (int i = 0; i < 3; i++) {
            strategy.notifyFailure();
            assertThat(strategy.canRestart()).isTrue();
            assertThat(strategy.getBackoffTime()).isEqualTo(250);
        }
        strategy.notifyFailure();
        assertThat(strategy.canRestart()).isFalse();
        assertThat(strategy.description()).isEqualTo("fixed-delay (attempts 3, delay 250 ms)");
    }

    @Test
    void exponentialBackoffGrowsByTheMultiplierAndCapsAtTheMax() {
        AtomicLong clock = new AtomicLong(1_000_000);
        var strategy = new ExponentialDelayRestartBackoffTimeStrategy(new ExponentialDelayRestartBackoffTimeStrategy.Settings(
                Duration.ofMillis(100), Duration.ofMillis(1000), 2.0, Duration.ofHours(1), 0.0, Integer.MAX_VALUE), clock::get, new Random(1));
        List<Long> backoffs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clock.addAndGet(10);
            strategy.notifyFailure();
            assertThat(strategy.canRestart()).isTrue();
            backoffs.add(strategy.getBackoffTime());
        }
        assertThat(backoffs).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);

        clock.addAndGet(Duration.ofHours(1).toMillis()); // quiet for the reset threshold: start over
        strategy.notifyFailure();
        assertThat(strategy.getBackoffTime()).isEqualTo(100);
    }

    @Test
    void exponentialJitterStaysWithinTheFactorAndAttemptsAreLimited() {
        AtomicLong clock = new AtomicLong(0);
        var strategy = new ExponentialDelayRestartBackoffTimeStrategy(new ExponentialDelayRestartBackoffTimeStrategy.Settings(
                Duration.ofMillis(1000), Duration.ofMillis(10_000), 1.5, Duration.ofHours(1), 0.1, 2), clock::get, new Random(7));
        strategy.notifyFailure();
        for (int i = 0; i < 50; i++) {
            assertThat(strategy.getBackoffTime()).isBetween(900L, 1100L);
        }
        clock.addAndGet(5);
        strategy.notifyFailure();
        assertThat(strategy.currentBackoffMillis()).isEqualTo(1500);
        assertThat(strategy.canRestart()).isTrue();
        clock.addAndGet(5);
        strategy.notifyFailure();
        assertThat(strategy.canRestart()).isFalse();
    }

    @Test
    void exponentialDefaultsMatchFlink() {
        RestartBackoffTimeStrategy strategy = of(Map.of("restart-strategy.type", "exponentialdelay"));
        assertThat(strategy.description()).isEqualTo("exponential-delay (initial backoff 1 s, max backoff 60 s, multiplier 1.5, "
                + "reset threshold 3600 s, jitter 0.1, attempts before reset 2147483647)");
    }

    @Test
    void badValuesAreClearErrors() {
        assertThatThrownBy(() -> of(Map.of("restart-strategy.type", "sometimes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown restart strategy 'sometimes' in restart-strategy.type")
                .hasMessageContaining("fixed-delay");
        assertThatThrownBy(() -> of(Map.of("restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.attempts", "-1")))
                .hasMessageContaining("restart-strategy.fixed-delay.attempts must be 0 or more, was -1");
        assertThatThrownBy(() -> of(Map.of("restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.delay", "soon")))
                .hasMessageContaining("restart-strategy.fixed-delay.delay");
        assertThatThrownBy(() -> of(Map.of("restart-strategy.type", "exponential-delay",
                "restart-strategy.exponential-delay.backoff-multiplier", "0.5")))
                .hasMessageContaining("restart-strategy.exponential-delay.backoff-multiplier must be at least 1.0, was 0.5");
        assertThatThrownBy(() -> of(Map.of("restart-strategy.type", "exponential-delay",
                "restart-strategy.exponential-delay.initial-backoff", "2 min")))
                .hasMessageContaining("max-backoff (PT1M) must not be below initial-backoff (PT2M)");
        assertThatThrownBy(() -> of(Map.of("restart-strategy.type", "exponential-delay",
                "restart-strategy.exponential-delay.jitter-factor", "2")))
                .hasMessageContaining("jitter-factor must be within [0, 1], was 2.0");
    }
}
