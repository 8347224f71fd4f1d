package dev.eddy.minicluster;

import dev.eddy.configuration.ConfigOption;
import dev.eddy.configuration.ConfigOptions;

/** Options of the embedded mini-cluster used for local execution. */
public final class MiniClusterOptions {
    private MiniClusterOptions() {}

    /** TaskManagers of a local execution's mini-cluster; Flink's key, with its older name as fallback. */
    public static final ConfigOption<Integer> NUM_TASK_MANAGERS = ConfigOptions.key("minicluster.number-of-taskmanagers").intType()
            .defaultValue(1).withFallbackKeys("local.number-taskmanager");

    /**
     * Same key as the client's {@code ClientOptions.JAR_PATH}: a job jar set by {@code eddy run -t local}.
     * A local execution uploads it to the mini-cluster so that TaskManagers load the job's classes from it.
     */
    public static final ConfigOption<String> JAR_PATH = ConfigOptions.key("eddy.client.jar-path").stringType().noDefaultValue();
}
