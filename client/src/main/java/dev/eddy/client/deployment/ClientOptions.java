package dev.eddy.client.deployment;

import dev.eddy.configuration.ConfigOption;
import dev.eddy.configuration.ConfigOptions;
import java.time.Duration;

/** Options of the client side of job submission. */
public final class ClientOptions {
    private ClientOptions() {}

    /**
     * Internal: absolute path of the job jar, set by {@code eddy run}. The remote executor uploads
     * this jar before submitting; unset means the job's classes are on the cluster's class path.
     */
    public static final ConfigOption<String> JAR_PATH = ConfigOptions.key("eddy.client.jar-path").stringType().noDefaultValue();

    /** How long the CLI waits for an answer from the JobManager (list, status, cancel, submit). */
    public static final ConfigOption<Duration> CLIENT_TIMEOUT = ConfigOptions.key("client.timeout").durationType()
            .defaultValue(Duration.ofSeconds(60));
}
