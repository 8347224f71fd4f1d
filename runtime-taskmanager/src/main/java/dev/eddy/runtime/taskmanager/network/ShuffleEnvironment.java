package dev.eddy.runtime.taskmanager.network;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * One TaskManager's data plane: a bounded network buffer pool, one Netty server, and the
 * partitions and gates of its tasks. Thread-safe. Implemented by {@link NettyShuffleEnvironment}.
 */
public interface ShuffleEnvironment extends AutoCloseable {
    /** The address consumers on other TaskManagers connect to (advertised host, bound port). */
    InetSocketAddress getDataAddress();

    /**
     * Registers a partition produced by a task so consumers can request its subpartitions.
     * Called by the task thread before it emits; released by {@link ResultPartitionWriter#release()}.
     */
    ResultPartitionWriter createResultPartition(String partitionId, int numberOfSubpartitions, String ownerTaskName);

    /**
     * An input gate over the given channels. A channel whose producer runs on this TaskManager
     * (same TaskManager id) reads the producer's subpartition in memory, bypassing Netty; others
     * request it over Netty, retrying until the producer has registered the partition.
     */
    InputGate createInputGate(String ownerTaskName, List<InputChannelSpec> channels);

    @Override
    void close();
}
