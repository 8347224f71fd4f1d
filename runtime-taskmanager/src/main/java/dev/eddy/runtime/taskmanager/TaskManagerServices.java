package dev.eddy.runtime.taskmanager;

import dev.eddy.runtime.gateway.BlobGateway;
import dev.eddy.runtime.gateway.JobMasterGateway;
import dev.eddy.runtime.gateway.ResourceManagerGateway;
import dev.eddy.runtime.gateway.TaskExecutorGateway;
import dev.eddy.runtime.rpc.GrpcBlobGateway;
import dev.eddy.runtime.rpc.GrpcChannels;
import dev.eddy.runtime.rpc.GrpcJobMasterGateway;
import dev.eddy.runtime.rpc.GrpcResourceManagerGateway;
import dev.eddy.runtime.rpc.GrpcServer;
import dev.eddy.runtime.rpc.TaskExecutorGrpcService;
import io.grpc.ManagedChannel;
import java.util.concurrent.TimeUnit;

/**
 * The TaskManager's gRPC wiring, kept in one place: the client gateways to the JobManager and the
 * server of this TaskManager's TaskExecutorService. Everything else is written against the
 * gateway interfaces.
 */
final class TaskManagerServices {
    private TaskManagerServices() {}

    /** The JobManager's ResourceManager, JobMaster and blob services, all served at one address. */
    record JobManagerConnection(ResourceManagerGateway resourceManager, JobMasterGateway jobMaster, BlobGateway blobs,
            AutoCloseable channel) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            channel.close();
        }
    }

    /** A running TaskExecutorService server. */
    interface RpcServer extends AutoCloseable {
        int getPort();

        @Override
        void close();
    }

    /** One channel (connecting lazily, reconnecting by itself) to {@code host:port}. */
    static JobManagerConnection connectToJobManager(String hostPort) {
        ManagedChannel channel = GrpcChannels.create(hostPort);
        return new JobManagerConnection(new GrpcResourceManagerGateway(channel), new GrpcJobMasterGateway(channel),
                new GrpcBlobGateway(channel), () -> {
                    channel.shutdown();
                    if (!channel.awaitTermination(2, TimeUnit.SECONDS)) {
                        channel.shutdownNow();
                    }
                });
    }

    static RpcServer startTaskExecutorServer(TaskExecutorGateway gateway, String bindHost, int port) {
        GrpcServer server = GrpcServer.start(bindHost, port, new TaskExecutorGrpcService(gateway));
        return new RpcServer() {
            @Override
            public int getPort() {
                return server.getPort();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
