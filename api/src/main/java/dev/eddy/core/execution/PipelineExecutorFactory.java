package dev.eddy.core.execution;

import dev.eddy.configuration.Configuration;

/**
 * Found with {@link java.util.ServiceLoader}. The environment picks the factory whose
 * {@link #getName()} equals {@code execution.target} ("local" when unset: the embedded
 * mini-cluster; "remote" for a JobManager at {@code jobmanager.rpc.address}/{@code port}).
 */
public interface PipelineExecutorFactory {
    String getName();

    PipelineExecutor getExecutor(Configuration configuration);
}
