package dev.eddy.runtime.taskmanager.network;

import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.NettyShuffleEnvironmentOptions;
import dev.eddy.runtime.taskmanager.network.buffer.LocalBufferPool;
import dev.eddy.runtime.taskmanager.network.buffer.NetworkBufferPool;
import dev.eddy.runtime.taskmanager.network.gate.SingleInputGate;
import dev.eddy.runtime.taskmanager.network.netty.NettyClient;
import dev.eddy.runtime.taskmanager.network.netty.NettyProtocol;
import dev.eddy.runtime.taskmanager.network.netty.NettyServer;
import dev.eddy.runtime.taskmanager.network.netty.NettyTransport;
import dev.eddy.runtime.taskmanager.network.partition.PartitionRegistry;
import dev.eddy.runtime.taskmanager.network.partition.ResultPartition;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty data plane of one TaskManager: the network buffer pool, the partition registry, one
 * data server, and one client with a shared connection per remote TaskManager.
 *
 * <p>Sizing (from {@link NettyShuffleEnvironmentOptions}): {@code network.max / segment-size}
 * buffers in total; a result partition with {@code n} subpartitions reserves {@code n + 1} and may
 * use up to {@code n * buffers-per-channel + floating-buffers-per-gate}; an input gate with {@code r}
 * remote channels reserves {@code r * buffers-per-channel} and may use
 * {@code floating-buffers-per-gate} more.
 *
 * <p>Threading: thread-safe. Event loop threads (epoll when available, else NIO) serve the server
 * and the client; one daemon scheduler thread runs partition request retries.
 */
public final class NettyShuffleEnvironment implements ShuffleEnvironment {
    private static final Logger LOG = LoggerFactory.getLogger(NettyShuffleEnvironment.class);

    private final String taskManagerId;
    private final InetSocketAddress dataAddress;
    private final NetworkBufferPool bufferPool;
    private final PartitionRegistry registry = new PartitionRegistry();
    private final EventLoopGroup eventLoops;
    private final NettyServer server;
    private final NettyClient client;
    private final ScheduledExecutorService scheduler;
    private final int buffersPerChannel;
    private final int floatingBuffersPerGate;
    private final java.time.Duration requestTimeout;
    private volatile boolean closed;

    /**
     * How long a consumer retries a partition its producer has not registered yet (Eddy-specific key;
     * the value uses Flink's duration syntax). Default 30 s.
     */
    public static final String PARTITION_REQUEST_TIMEOUT_KEY = "taskmanager.network.partition-request.timeout";

    private NettyShuffleEnvironment(Configuration configuration, String taskManagerId, String bindHost, String advertisedHost,
            int port) {
        this.taskManagerId = taskManagerId;
        long segmentSize = configuration.get(NettyShuffleEnvironmentOptions.MEMORY_SEGMENT_SIZE).getBytes();
        long networkMemory = configuration.get(NettyShuffleEnvironmentOptions.NETWORK_MEMORY_MAX).getBytes();
        long maxFrame = configuration.get(NettyShuffleEnvironmentOptions.MAX_FRAME_SIZE).getBytes();
        this.buffersPerChannel = configuration.get(NettyShuffleEnvironmentOptions.NETWORK_BUFFERS_PER_CHANNEL);
        this.floatingBuffersPerGate = configuration.get(NettyShuffleEnvironmentOptions.NETWORK_EXTRA_BUFFERS_PER_GATE);
        if (segmentSize < 64 || segmentSize > (1 << 30)) {
            throw new IllegalArgumentException("taskmanager.memory.segment-size must be between 64 bytes and 1 gb, was " + segmentSize);
        }
        if (maxFrame < segmentSize + NettyProtocol.HEADER_LENGTH + NettyProtocol.BUFFER_RESPONSE_PREFIX || maxFrame > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("taskmanager.network.max-frame-size (" + maxFrame + " bytes) must hold one network buffer"
                    + " (taskmanager.memory.segment-size " + segmentSize + " bytes) plus a 26-byte header");
        }
        if (buffersPerChannel < 1 || floatingBuffersPerGate < 0) {
            throw new IllegalArgumentException("taskmanager.network.memory.buffers-per-channel must be >= 1 and"
                    + " floating-buffers-per-gate >= 0, were " + buffersPerChannel + " and " + floatingBuffersPerGate);
        }
        this.requestTimeout = Configuration.parseDuration(configuration.getString(PARTITION_REQUEST_TIMEOUT_KEY, "30 s"));
        long total = networkMemory / segmentSize;
        if (total < 1 || total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("taskmanager.memory.network.max (" + networkMemory + " bytes) must hold at least one and at"
                    + " most 2^31-1 segments of " + segmentSize + " bytes");
        }
        this.bufferPool = new NetworkBufferPool((int) total, (int) segmentSize);
        NettyTransport transport = new NettyTransport();
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        this.eventLoops = transport.newEventLoopGroup(threads, "eddy-data-" + taskManagerId);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "eddy-data-retry-" + taskManagerId);
            t.setDaemon(true);
            return t;
        });
        try {
            this.server = new NettyServer(transport, eventLoops, bindHost, port, registry, (int) maxFrame);
        } catch (RuntimeException e) {
            eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            scheduler.shutdownNow();
            throw e;
        }
        this.client = new NettyClient(transport, eventLoops, (int) maxFrame);
        this.dataAddress = new InetSocketAddress(advertisedHost, server.getPort());
        LOG.info("Data plane of TaskManager {} listening on {}:{} ({}), {} network buffers of {} bytes", taskManagerId, bindHost,
                server.getPort(), transport.isEpoll() ? "epoll" : "nio", total, segmentSize);
    }

    /**
     * Starts the buffer pool and the server.
     *
     * @param taskManagerId this TM's id (channels whose producer has this id are local)
     * @param bindHost address to bind, e.g. 0.0.0.0
     * @param advertisedHost host other TMs use to reach this one
     * @param port 0 for ephemeral
     */
    public static NettyShuffleEnvironment start(Configuration configuration, String taskManagerId, String bindHost,
            String advertisedHost, int port) {
        return new NettyShuffleEnvironment(configuration, taskManagerId, bindHost, advertisedHost, port);
    }

    @Override
    public InetSocketAddress getDataAddress() {
        return dataAddress;
    }

    /** {@code host:port} as consumers put it into {@link InputChannelSpec#producerDataAddress()}. */
    public String getDataAddressString() {
        return dataAddress.getHostString() + ":" + dataAddress.getPort();
    }

    public String getTaskManagerId() {
        return taskManagerId;
    }

    public NetworkBufferPool getNetworkBufferPool() {
        return bufferPool;
    }

    @Override
    public ResultPartitionWriter createResultPartition(String partitionId, int numberOfSubpartitions, String ownerTaskName) {
        checkOpen();
        if (numberOfSubpartitions < 1) {
            throw new IllegalArgumentException("Partition " + partitionId + " of " + ownerTaskName + " needs at least one subpartition");
        }
        int min = numberOfSubpartitions + 1;
        int max = Math.max(min, numberOfSubpartitions * buffersPerChannel + floatingBuffersPerGate);
        LocalBufferPool pool = bufferPool.createLocalPool("partition " + partitionId + " of " + ownerTaskName, min, max);
        ResultPartition[] self = new ResultPartition[1];
        ResultPartition partition = new ResultPartition(partitionId, ownerTaskName, numberOfSubpartitions, pool,
                () -> registry.unregister(self[0]));
        self[0] = partition;
        try {
            registry.register(partition);
        } catch (RuntimeException e) {
            pool.destroy();
            throw e;
        }
        return partition;
    }

    @Override
    public InputGate createInputGate(String ownerTaskName, List<InputChannelSpec> channels) {
        checkOpen();
        SingleInputGate gate = new SingleInputGate(ownerTaskName, channels, taskManagerId, registry, client, bufferPool, scheduler,
                buffersPerChannel, floatingBuffersPerGate, requestTimeout);
        gate.start();
        return gate;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The data plane of TaskManager " + taskManagerId + " is closed");
        }
    }

    /** Closes the server and the connections, releases every partition. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        client.close();
        server.close();
        registry.releaseAll();
        scheduler.shutdownNow();
        eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        bufferPool.destroy();
    }
}
