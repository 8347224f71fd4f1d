package dev.eddy.runtime.taskmanager.network;

import dev.eddy.configuration.Configuration;
import java.net.InetSocketAddress;
import java.util.List;

/** The Netty data plane. STUB: implemented by the network package. */
public final class NettyShuffleEnvironment implements ShuffleEnvironment {
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
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public InetSocketAddress getDataAddress() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public ResultPartitionWriter createResultPartition(String partitionId, int numberOfSubpartitions, String ownerTaskName) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public InputGate createInputGate(String ownerTaskName, List<InputChannelSpec> channels) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void close() {}
}
