package dev.eddy.runtime.taskmanager;

import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.JobManagerOptions;
import dev.eddy.configuration.TaskManagerOptions;
import dev.eddy.runtime.taskmanager.blob.BlobCache;
import dev.eddy.runtime.taskmanager.classloading.JobClassLoaders;
import dev.eddy.runtime.taskmanager.network.NettyShuffleEnvironment;
import dev.eddy.runtime.taskmanager.network.ShuffleEnvironment;
import dev.eddy.runtime.taskmanager.task.TaskServices;
import dev.eddy.runtime.taskmanager.task.io.NetworkIOFactory;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running TaskManager: data plane, TaskExecutor and its gRPC service, connected to the
 * JobManager at {@code jobmanager.rpc.address:port}. {@link #start} returns once everything is
 * up; registration at the ResourceManager continues in the background (with retries) until it
 * succeeds. Thread-safe; {@link #close()} is idempotent.
 */
public final class TaskManagerRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskManagerRunner.class);

    private final String taskManagerId;
    private final List<AutoCloseable> closeables;
    private final TaskExecutor taskExecutor;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private boolean closed;

    private TaskManagerRunner(String taskManagerId, TaskExecutor taskExecutor, List<AutoCloseable> closeables) {
        this.taskManagerId = taskManagerId;
        this.taskExecutor = taskExecutor;
        this.closeables = closeables;
    }

    /** Starts the TaskExecutor gRPC service, the data plane, and registers at jobmanager.rpc.address:port. */
    public static TaskManagerRunner start(Configuration configuration) throws Exception {
        String jmHost = configuration.get(JobManagerOptions.ADDRESS);
        int jmPort = configuration.get(JobManagerOptions.PORT);
        String bindHost = configuration.get(TaskManagerOptions.BIND_HOST);
        String advertisedHost = configuration.getOptional(TaskManagerOptions.HOST).orElseGet(() -> localAddressTowards(jmHost, jmPort));
        List<AutoCloseable> closeables = new ArrayList<>();
        try {
            TaskManagerServices.JobManagerConnection jm = TaskManagerServices.connectToJobManager(jmHost + ":" + jmPort);
            closeables.add(jm);
            ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, r -> {
                Thread t = new Thread(r, "TaskManager timers");
                t.setDaemon(true);
                return t;
            });
            closeables.add(timers::shutdownNow);
            // the id names the RPC port, which is only known after binding: bind first with a provisional gateway
            DeferredTaskExecutorGateway gateway = new DeferredTaskExecutorGateway();
            TaskManagerServices.RpcServer server = TaskManagerServices.startTaskExecutorServer(gateway, bindHost,
                    configuration.get(TaskManagerOptions.RPC_PORT));
            closeables.add(server);
            String tmId = "tm-" + advertisedHost + "-" + server.getPort() + "-" + randomHex();
            ShuffleEnvironment shuffle = NettyShuffleEnvironment.start(configuration, tmId, bindHost, advertisedHost,
                    configuration.get(TaskManagerOptions.DATA_PORT));
            closeables.add(shuffle);
            BlobCache blobCache = BlobCache.inTempDirectory(jm.blobs(), configuration.getOptional(TaskManagerOptions.TMP_DIRS).orElse(null));
            closeables.add(blobCache::close);
            InetSocketAddress data = shuffle.getDataAddress();
            TaskExecutorSettings settings = TaskExecutorSettings.fromConfiguration(configuration, tmId,
                    advertisedHost + ":" + server.getPort(), advertisedHost + ":" + data.getPort());
            TaskExecutor executor = new TaskExecutor(settings, jm.resourceManager(),
                    new TaskServices(jm.jobMaster(), shuffle, timers, NetworkIOFactory.NETWORK),
                    new JobClassLoaders(blobCache, TaskManagerRunner.class.getClassLoader()));
            closeables.add(executor);
            gateway.setDelegate(executor);
            executor.start();
            LOG.info("TaskManager {} started: RPC {}, data {}, {} slots, JobManager {}:{}", tmId, settings.rpcAddress(),
                    settings.dataAddress(), settings.numberOfSlots(), jmHost, jmPort);
            return new TaskManagerRunner(tmId, executor, closeables);
        } catch (Exception | Error e) {
            closeAll(closeables);
            throw e;
        }
    }

    /** The local address of a socket connected to the JobManager, so that multi-host setups advertise a reachable host. */
    static String localAddressTowards(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
            return s.getLocalAddress().getHostAddress();
        } catch (IOException e) {
            try (DatagramSocket d = new DatagramSocket()) {
                d.connect(InetAddress.getByName(host), port);
                InetAddress local = d.getLocalAddress();
                if (local != null && !local.isAnyLocalAddress()) {
                    return local.getHostAddress();
                }
            } catch (IOException ignored) {
                // fall through
            }
            LOG.warn("Could not reach the JobManager at {}:{} to find this TaskManager's address ({}); advertising the loopback"
                    + " address. Set taskmanager.host if other hosts must reach this TaskManager.", host, port, e.toString());
            return InetAddress.getLoopbackAddress().getHostAddress();
        }
    }

    private static String randomHex() {
        byte[] b = new byte[2];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public String getTaskManagerId() {
        return taskManagerId;
    }

    public TaskExecutor getTaskExecutor() {
        return taskExecutor;
    }

    /** Blocks until closed. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closeAll(closeables);
        terminated.countDown();
        LOG.info("TaskManager {} stopped", taskManagerId);
    }

    private static void closeAll(List<AutoCloseable> closeables) {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                LOG.warn("Error while shutting down the TaskManager", e);
            }
        }
    }
}
