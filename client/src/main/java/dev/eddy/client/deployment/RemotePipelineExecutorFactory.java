package dev.eddy.client.deployment;

import dev.eddy.configuration.Configuration;
import dev.eddy.core.execution.PipelineExecutor;
import dev.eddy.core.execution.PipelineExecutorFactory;

/**
 * The "remote" target: submits to the JobManager at {@code jobmanager.rpc.address}:{@code
 * jobmanager.rpc.port} over gRPC. Found by {@link java.util.ServiceLoader}.
 */
public final class RemotePipelineExecutorFactory implements PipelineExecutorFactory {
    public static final String NAME = "remote";
    private final DispatcherConnector connector;

    /** Used by ServiceLoader: connects over gRPC. */
    public RemotePipelineExecutorFactory() {
        this(new GrpcDispatcherConnector());
    }

    public RemotePipelineExecutorFactory(DispatcherConnector connector) {
        this.connector = connector;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public PipelineExecutor getExecutor(Configuration configuration) {
        return new RemotePipelineExecutor(connector);
    }
}
