package dev.eddy.runtime.taskmanager;

import dev.eddy.runtime.gateway.BlobGateway;
import dev.eddy.runtime.gateway.JobMasterGateway;
import dev.eddy.runtime.gateway.ResourceManagerGateway;
import dev.eddy.runtime.gateway.TaskExecutorGateway;

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

    static JobManagerConnection connectToJobManager(String hostPort) {
        throw new UnsupportedOperationException("The gRPC gateways of runtime-common are not available in this build yet;"
                + " cannot connect to the JobManager at " + hostPort);
    }

    static RpcServer startTaskExecutorServer(TaskExecutorGateway gateway, String bindHost, int port) {
        throw new UnsupportedOperationException("The gRPC server of runtime-common is not available in this build yet;"
                + " cannot serve the TaskExecutor on " + bindHost + ":" + port);
    }
}
