package dev.eddy.runtime.taskmanager.task;

import dev.eddy.configuration.ConfigOption;
import dev.eddy.configuration.ConfigOptions;
import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.ExecutionOptions;

/** Reads the task-relevant settings from a job's configuration (Flink key names). */
final class JobSettings {
    /** Flink's pipeline.object-reuse: when false (default) records passed along a chain are copied. */
    static final ConfigOption<Boolean> OBJECT_REUSE = ConfigOptions.key("pipeline.object-reuse").booleanType().defaultValue(false);

    private JobSettings() {}

    static boolean objectReuse(Configuration conf) {
        return conf.get(OBJECT_REUSE);
    }

    /**
     * The job's buffer timeout in ms: &gt; 0 periodic flush, 0 flush after every record, -1 only
     * when buffers are full or at the end (execution.buffer-timeout.enabled = false, or Flink's
     * legacy value -1).
     */
    static long bufferTimeoutMillis(Configuration conf) {
        if (!conf.get(ExecutionOptions.BUFFER_TIMEOUT_ENABLED)) {
            return -1;
        }
        for (String key : new String[] {ExecutionOptions.BUFFER_TIMEOUT.key(), "execution.buffer-timeout"}) {
            String raw = conf.getString(key, null);
            if (raw != null && raw.trim().startsWith("-")) {
                return -1;
            }
        }
        return conf.get(ExecutionOptions.BUFFER_TIMEOUT).toMillis();
    }
}
