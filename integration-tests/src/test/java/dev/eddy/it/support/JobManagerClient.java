package dev.eddy.it.support;

import dev.eddy.proto.ClusterOverview;
import dev.eddy.proto.JobStatusProto;
import dev.eddy.runtime.gateway.DispatcherGateway;
import dev.eddy.runtime.rpc.GrpcChannels;
import dev.eddy.runtime.rpc.GrpcDispatcherGateway;
import io.grpc.ManagedChannel;
import java.util.concurrent.TimeUnit;

/** Talks to a JobManager over its real gRPC port, as the CLI does. */
public final class JobManagerClient implements AutoCloseable {
    private final ManagedChannel channel;
    private final DispatcherGateway gateway;

    public JobManagerClient(String hostPort) {
        this.channel = GrpcChannels.create(hostPort);
        this.gateway = new GrpcDispatcherGateway(channel);
    }

    public ClusterOverview overview() throws Exception {
        return gateway.getClusterOverview().get(10, TimeUnit.SECONDS);
    }

    public JobStatusProto status(String jobId) throws Exception {
        return gateway.getJobStatus(jobId).get(10, TimeUnit.SECONDS);
    }

    /** Overview, or null while the JobManager is not reachable. */
    public ClusterOverview overviewOrNull() {
        try {
            return overview();
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}
