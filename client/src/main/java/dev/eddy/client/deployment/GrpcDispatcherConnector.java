package dev.eddy.client.deployment;

import dev.eddy.runtime.gateway.DispatcherGateway;
import dev.eddy.runtime.rpc.GrpcChannels;
import dev.eddy.runtime.rpc.GrpcDispatcherGateway;
import io.grpc.ManagedChannel;

/** Connects to a JobManager's dispatcher over gRPC: one channel per connection, shut down on close. */
public final class GrpcDispatcherConnector implements DispatcherConnector {
    @Override
    public DispatcherConnection connect(String hostAndPort) {
        ManagedChannel channel = GrpcChannels.create(hostAndPort);
        DispatcherGateway gateway = new GrpcDispatcherGateway(channel);
        return new DispatcherConnection() {
            @Override
            public DispatcherGateway gateway() {
                return gateway;
            }

            @Override
            public String address() {
                return hostAndPort;
            }

            @Override
            public void close() {
                channel.shutdownNow();
            }
        };
    }
}
