package dev.eddy.api.common;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.PipelineOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Execution settings of a job, as {@code env.getConfig()} offers them: a view over the
 * environment's {@link Configuration} (changes write the corresponding Flink key). Used by the
 * thread building the job; not thread-safe.
 */
public final class ExecutionConfig {
    private final Configuration configuration;

    public ExecutionConfig(Configuration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    /**
     * How often periodic watermarks are generated ({@code pipeline.auto-watermark-interval}), in
     * milliseconds; 0 disables periodic watermarks.
     */
    public ExecutionConfig setAutoWatermarkInterval(long interval) {
        if (interval < 0) {
            throw new IllegalArgumentException("The auto-watermark interval must be zero or positive, was " + interval);
        }
        configuration.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ofMillis(interval));
        return this;
    }

    /** The periodic watermark interval in milliseconds (default 200; 0 = disabled). */
    public long getAutoWatermarkInterval() {
        return configuration.get(PipelineOptions.AUTO_WATERMARK_INTERVAL).toMillis();
    }

    /**
     * The job's serializer settings, e.g. to create a serializer for a trigger's or function's
     * state ({@code typeInfo.createSerializer(env.getConfig().getSerializerConfig())}). A snapshot
     * of the configuration at the time of the call; change settings through the configuration.
     */
    public SerializerConfig getSerializerConfig() {
        return new SerializerConfig().setJavaSerializationFallback(configuration.get(PipelineOptions.JAVA_SERIALIZATION_FALLBACK));
    }
}
