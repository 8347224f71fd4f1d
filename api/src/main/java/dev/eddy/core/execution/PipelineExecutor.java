package dev.eddy.core.execution;

import dev.eddy.api.dag.Pipeline;
import dev.eddy.configuration.Configuration;
import java.util.concurrent.CompletableFuture;

/** Runs a pipeline somewhere: an embedded mini-cluster or a remote JobManager. */
public interface PipelineExecutor {
    /**
     * Translates and submits the pipeline. The future completes once the job is accepted (not when
     * it ends). {@code userCodeClassLoader} loads the job's classes on the client side.
     */
    CompletableFuture<JobClient> execute(Pipeline pipeline, Configuration configuration, ClassLoader userCodeClassLoader)
            throws Exception;
}
