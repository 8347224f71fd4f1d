package dev.eddy.configuration;

import java.time.Duration;

/** Runtime behaviour of a job. */
public final class ExecutionOptions {
    private ExecutionOptions() {}

    /** How long a partly filled network buffer may wait before it is sent. 0 flushes after every record. */
    public static final ConfigOption<Duration> BUFFER_TIMEOUT = ConfigOptions.key("execution.buffer-timeout.interval")
            .durationType().defaultValue(Duration.ofMillis(100)).withFallbackKeys("execution.buffer-timeout");
    /** False disables the timeout: buffers are sent only when full or at the end. */
    public static final ConfigOption<Boolean> BUFFER_TIMEOUT_ENABLED = ConfigOptions.key("execution.buffer-timeout.enabled")
            .booleanType().defaultValue(true);
}
