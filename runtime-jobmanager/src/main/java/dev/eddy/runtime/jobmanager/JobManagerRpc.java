package dev.eddy.runtime.jobmanager;

import dev.eddy.runtime.gateway.BlobStore;
import dev.eddy.runtime.gateway.TaskExecutorGateway;
import dev.eddy.runtime.jobmanager.dispatcher.Dispatcher;
import dev.eddy.runtime.jobmanager.resourcemanager.ResourceManager;
import dev.eddy.runtime.rpc.BlobGrpcService;
import dev.eddy.runtime.rpc.DispatcherGrpcService;
import dev.eddy.runtime.rpc.GrpcChannels;
import dev.eddy.runtime.rpc.GrpcServer;
import dev.eddy.runtime.rpc.GrpcTaskExecutorGateway;
import dev.eddy.runtime.rpc.JobMasterGrpcService;
import dev.eddy.runtime.rpc.ResourceManagerGrpcService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * All of the JobManager's gRPC wiring: the server with the Dispatcher, ResourceManager, JobMaster
 * (routed through the Dispatcher) and blob services, and the client-side TaskExecutor gateways.
 * Thread-safe.
 */
final class JobManagerRpc {
    private JobManagerRpc() {}

    /** Binds one port serving every JobManager service. */
    static GrpcServer startServer(String bindHost, int port, Dispatcher dispatcher, ResourceManager resourceManager, BlobStore blobStore) {
        return GrpcServer.start(bindHost, port,
                new DispatcherGrpcService(dispatcher, blobStore),
                new ResourceManagerGrpcService(resourceManager),
                new JobMasterGrpcService(dispatcher),
                new BlobGrpcService(blobStore));
    }

    /** TaskExecutor gateways over shared channels, one per TaskManager RPC address. */
    static final class TaskExecutors implements Function<String, TaskExecutorGateway>, AutoCloseable {
        private final Map<String, TaskExecutorGateway> gateways = new ConcurrentHashMap<>();

        @Override
        public TaskExecutorGateway apply(String rpcAddress) {
            return gateways.computeIfAbsent(rpcAddress, a -> new GrpcTaskExecutorGateway(GrpcChannels.shared(a)));
        }

        @Override
        public void close() {
            gateways.keySet().forEach(GrpcChannels::release);
            gateways.clear();
        }
    }
}
