package dev.eddy.minicluster;

import dev.eddy.configuration.Configuration;
import dev.eddy.core.execution.PipelineExecutor;
import dev.eddy.core.execution.PipelineExecutorFactory;

/** The "local" target: each job runs on its own embedded {@link MiniCluster}. Found by ServiceLoader. */
public final class LocalPipelineExecutorFactory implements PipelineExecutorFactory {
    public static final String NAME = "local";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public PipelineExecutor getExecutor(Configuration configuration) {
        return new LocalPipelineExecutor();
    }
}
