package dev.eddy.client.deployment;

/** Connects to a JobManager's dispatcher over gRPC. */
public final class GrpcDispatcherConnector implements DispatcherConnector {
    @Override
    public DispatcherConnection connect(String hostAndPort) {
        throw new UnsupportedOperationException("the gRPC dispatcher adapter has not been merged yet");
    }
}
