package dev.eddy.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
    @Test
    void parsesFlinkValueSyntaxFromStrings() {
        Configuration c = Configuration.fromMap(Map.of(
                "heartbeat.timeout", "10 s",
                "execution.buffer-timeout", "5ms",
                "taskmanager.memory.segment-size", "64 kb",
                "taskmanager.numberOfTaskSlots", "4"));
        assertThat(c.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT)).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.get(ExecutionOptions.BUFFER_TIMEOUT)).as("fallback key").isEqualTo(Duration.ofMillis(5));
        assertThat(c.get(NettyShuffleEnvironmentOptions.MEMORY_SEGMENT_SIZE).getBytes()).isEqualTo(64 * 1024);
        assertThat(c.get(TaskManagerOptions.NUM_TASK_SLOTS)).isEqualTo(4);
        assertThat(c.get(CoreOptions.DEFAULT_PARALLELISM)).as("default in code").isEqualTo(1);
    }

    @Test
    void badValueNamesKeyAndValue() {
        Configuration c = Configuration.fromMap(Map.of("heartbeat.timeout", "ten seconds"));
        assertThatThrownBy(() -> c.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT))
                .hasMessageContaining("heartbeat.timeout").hasMessageContaining("ten seconds");
    }

    @Test
    void typedValuesRoundTripThroughToMap() {
        Configuration c = new Configuration();
        c.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(1500));
        c.set(NettyShuffleEnvironmentOptions.NETWORK_MEMORY_MAX, MemorySize.parse("32 mb"));
        Configuration back = Configuration.fromMap(c.toMap());
        assertThat(back.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL)).isEqualTo(Duration.ofMillis(1500));
        assertThat(back.get(NettyShuffleEnvironmentOptions.NETWORK_MEMORY_MAX)).isEqualTo(MemorySize.ofMebiBytes(32));
    }
}
