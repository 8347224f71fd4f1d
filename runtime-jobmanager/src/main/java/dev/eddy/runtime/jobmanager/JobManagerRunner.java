package dev.eddy.runtime.jobmanager;

import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.JobManagerOptions;
import dev.eddy.runtime.jobmanager.blob.FileBlobStore;
import dev.eddy.runtime.jobmanager.dispatcher.Dispatcher;
import dev.eddy.runtime.jobmanager.jobmaster.JobMaster;
import dev.eddy.runtime.jobmanager.resourcemanager.ResourceManager;
import dev.eddy.runtime.rpc.GrpcServer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running JobManager process core: blob store, ResourceManager and Dispatcher (which creates a
 * JobMaster per job) behind one gRPC port. Thread-safe; {@link #close()} is idempotent and
 * releases {@link #awaitTermination()}.
 */
public final class JobManagerRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobManagerRunner.class);
    /** How long a cancelling or failing job waits for its tasks to confirm before it is considered done. */
    static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(30);

    private final FileBlobStore blobStore;
    private final ResourceManager resourceManager;
    private final Dispatcher dispatcher;
    private final JobManagerRpc.TaskExecutors taskExecutors;
    private final GrpcServer server;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();

    private JobManagerRunner(FileBlobStore blobStore, ResourceManager resourceManager, Dispatcher dispatcher,
            JobManagerRpc.TaskExecutors taskExecutors, GrpcServer server) {
        this.blobStore = blobStore;
        this.resourceManager = resourceManager;
        this.dispatcher = dispatcher;
        this.taskExecutors = taskExecutors;
        this.server = server;
    }

    /** Starts Dispatcher, ResourceManager and blob store behind one gRPC port (jobmanager.rpc.port; 0 = ephemeral). */
    public static JobManagerRunner start(Configuration configuration) throws Exception {
        FileBlobStore blobStore = FileBlobStore.create(configuration);
        ResourceManager resourceManager = ResourceManager.create(configuration).start();
        JobManagerRpc.TaskExecutors taskExecutors = new JobManagerRpc.TaskExecutors();
        Dispatcher dispatcher = new Dispatcher(resourceManager, blobStore, taskExecutors,
                new JobMaster.Settings(configuration.get(JobManagerOptions.SLOT_REQUEST_TIMEOUT), CANCEL_TIMEOUT, configuration.toMap()));
        GrpcServer server;
        try {
            server = JobManagerRpc.startServer(configuration.get(JobManagerOptions.BIND_HOST), configuration.get(JobManagerOptions.PORT),
                    dispatcher, resourceManager, blobStore);
        } catch (RuntimeException e) {
            dispatcher.close();
            resourceManager.close();
            blobStore.close();
            throw e;
        }
        LOG.info("JobManager started on port {}", server.getPort());
        return new JobManagerRunner(blobStore, resourceManager, dispatcher, taskExecutors, server);
    }

    /** The bound RPC port. */
    public int getRpcPort() {
        return server.getPort();
    }

    /** Blocks until closed. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Stopping the JobManager");
        try {
            server.close();
        } finally {
            dispatcher.close();
            resourceManager.close();
            taskExecutors.close();
            blobStore.close();
            terminated.countDown();
        }
    }
}
