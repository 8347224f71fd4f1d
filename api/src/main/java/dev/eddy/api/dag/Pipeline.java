package dev.eddy.api.dag;

import dev.eddy.configuration.Configuration;
import java.util.List;

/**
 * What {@code execute()} hands a PipelineExecutor: the job name, every transformation added to
 * the environment (sinks and operators; virtual ones are reached through inputs) and the job
 * configuration (Flink keys: parallelism.default, pipeline.max-parallelism,
 * execution.buffer-timeout, ...). Immutable after construction.
 */
public final class Pipeline {
    private final String jobName;
    private final List<Transformation<?>> transformations;
    private final Configuration configuration;

    public Pipeline(String jobName, List<Transformation<?>> transformations, Configuration configuration) {
        this.jobName = jobName;
        this.transformations = List.copyOf(transformations);
        this.configuration = new Configuration(configuration);
    }

    public String getJobName() {
        return jobName;
    }

    public List<Transformation<?>> getTransformations() {
        return transformations;
    }

    public Configuration getConfiguration() {
        return new Configuration(configuration);
    }
}
