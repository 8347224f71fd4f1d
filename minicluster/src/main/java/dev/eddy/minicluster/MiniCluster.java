package dev.eddy.minicluster;

import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.JobManagerOptions;
import dev.eddy.configuration.TaskManagerOptions;
import dev.eddy.proto.ClusterOverview;
import dev.eddy.runtime.gateway.DispatcherGateway;
import dev.eddy.runtime.jobmanager.JobManagerRunner;
import dev.eddy.runtime.rpc.GrpcChannels;
import dev.eddy.runtime.rpc.GrpcDispatcherGateway;
import dev.eddy.runtime.taskmanager.TaskManagerRunner;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JobManager and N TaskManagers in this JVM, talking over real gRPC and Netty on 127.0.0.1 with
 * ephemeral ports, exactly as separate processes would.
 *
 * <p>Lifecycle: {@link #start} returns once every component is up (TaskManagers may still be
 * registering: see {@link #waitUntilTaskManagersRegistered}); {@link #close()} stops the
 * TaskManagers, then the JobManager, and is idempotent. Thread-safe.
 */
public final class MiniCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MiniCluster.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final JobManagerRunner jobManager;
    private final List<TaskManagerRunner> taskManagers;
    private final ManagedChannel channel;
    private final DispatcherGateway dispatcher;
    private final String rpcAddress;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MiniCluster(JobManagerRunner jobManager, List<TaskManagerRunner> taskManagers, String rpcAddress) {
        this.jobManager = jobManager;
        this.taskManagers = List.copyOf(taskManagers);
        this.rpcAddress = rpcAddress;
        this.channel = GrpcChannels.create(rpcAddress);
        this.dispatcher = new GrpcDispatcherGateway(channel);
    }

    /**
     * Starts the JobManager on an ephemeral port, then {@code numTaskManagers} TaskManagers with
     * {@code slotsPerTaskManager} slots each pointing at it. Other settings (heartbeats, network
     * memory, ...) come from {@code configuration}. On failure everything started is stopped again.
     */
    public static MiniCluster start(Configuration configuration, int numTaskManagers, int slotsPerTaskManager) throws Exception {
        if (numTaskManagers < 1 || slotsPerTaskManager < 1) {
            throw new IllegalArgumentException("A mini-cluster needs at least 1 TaskManager with at least 1 slot, got "
                    + numTaskManagers + " TaskManagers with " + slotsPerTaskManager + " slots");
        }
        long startNanos = System.nanoTime();
        Configuration jmConfig = new Configuration(configuration);
        jmConfig.set(JobManagerOptions.ADDRESS, LOOPBACK);
        jmConfig.set(JobManagerOptions.BIND_HOST, LOOPBACK);
        jmConfig.set(JobManagerOptions.PORT, 0);
        JobManagerRunner jobManager = JobManagerRunner.start(jmConfig);
        List<TaskManagerRunner> taskManagers = new ArrayList<>();
        try {
            Configuration tmConfig = new Configuration(configuration);
            tmConfig.set(JobManagerOptions.ADDRESS, LOOPBACK);
            tmConfig.set(JobManagerOptions.PORT, jobManager.getRpcPort());
            tmConfig.set(TaskManagerOptions.HOST, LOOPBACK);
            tmConfig.set(TaskManagerOptions.BIND_HOST, LOOPBACK);
            tmConfig.set(TaskManagerOptions.RPC_PORT, 0);
            tmConfig.set(TaskManagerOptions.DATA_PORT, 0);
            tmConfig.set(TaskManagerOptions.NUM_TASK_SLOTS, slotsPerTaskManager);
            for (int i = 0; i < numTaskManagers; i++) {
                taskManagers.add(TaskManagerRunner.start(new Configuration(tmConfig)));
            }
        } catch (Exception | Error e) {
            stopAll(taskManagers, jobManager);
            throw e;
        }
        MiniCluster cluster = new MiniCluster(jobManager, taskManagers, LOOPBACK + ":" + jobManager.getRpcPort());
        LOG.info("Mini-cluster started in {} ms: JobManager at {}, {} TaskManager(s) with {} slot(s) each",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), cluster.rpcAddress, numTaskManagers,
                slotsPerTaskManager);
        return cluster;
    }

    /** "127.0.0.1:port" of the JobManager. */
    public String getRpcAddress() {
        return rpcAddress;
    }

    /** The JobManager's dispatcher, over gRPC; valid until {@link #close()}. */
    public DispatcherGateway getDispatcherGateway() {
        return dispatcher;
    }

    public int getNumTaskManagers() {
        return taskManagers.size();
    }

    /** Blocks the caller until every TaskManager of this cluster is registered at the JobManager. */
    public void waitUntilTaskManagersRegistered(Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int registered = 0;
        while (System.nanoTime() < deadline) {
            try {
                ClusterOverview overview = dispatcher.getClusterOverview().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                registered = overview.getTaskManagersCount();
                if (registered >= taskManagers.size()) {
                    return;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.debug("Cluster overview request failed; retrying", e);
            }
            Thread.sleep(10);
        }
        throw new TimeoutException("Only " + registered + " of " + taskManagers.size() + " TaskManagers registered at the"
                + " mini-cluster's JobManager (" + rpcAddress + ") within " + timeout.toMillis() + " ms; see the log for errors");
    }

    /** Stops the TaskManagers, then the JobManager. Idempotent; may be called from any thread. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        channel.shutdownNow();
        stopAll(taskManagers, jobManager);
        LOG.info("Mini-cluster at {} stopped", rpcAddress);
    }

    private static void stopAll(List<TaskManagerRunner> taskManagers, JobManagerRunner jobManager) {
        for (int i = taskManagers.size() - 1; i >= 0; i--) {
            try {
                taskManagers.get(i).close();
            } catch (RuntimeException e) {
                LOG.warn("Stopping a TaskManager of the mini-cluster failed", e);
            }
        }
        try {
            jobManager.close();
        } catch (RuntimeException e) {
            LOG.warn("Stopping the mini-cluster's JobManager failed", e);
        }
    }
}
