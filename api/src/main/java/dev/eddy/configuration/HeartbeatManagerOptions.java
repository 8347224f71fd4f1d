package dev.eddy.configuration;

import java.time.Duration;

/**
 * Heartbeats between TaskManagers and the JobManager. Flink's defaults are 10 s / 50 s; Eddy
 * uses 2 s / 10 s so a lost TaskManager is noticed within 10 s.
 */
public final class HeartbeatManagerOptions {
    private HeartbeatManagerOptions() {}

    public static final ConfigOption<Duration> HEARTBEAT_INTERVAL = ConfigOptions.key("heartbeat.interval").durationType()
            .defaultValue(Duration.ofSeconds(2));
    public static final ConfigOption<Duration> HEARTBEAT_TIMEOUT = ConfigOptions.key("heartbeat.timeout").durationType()
            .defaultValue(Duration.ofSeconds(10));
}
