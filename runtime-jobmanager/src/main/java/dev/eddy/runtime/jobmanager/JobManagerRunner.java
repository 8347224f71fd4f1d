package dev.eddy.runtime.jobmanager;

import dev.eddy.configuration.Configuration;

/** A running JobManager process core. STUB: completed by the jobmanager work package. */
public final class JobManagerRunner implements AutoCloseable {
    /** Starts Dispatcher, ResourceManager and blob store behind one gRPC port (jobmanager.rpc.port; 0 = ephemeral). */
    public static JobManagerRunner start(Configuration configuration) throws Exception {
        throw new UnsupportedOperationException("stub");
    }

    /** The bound RPC port. */
    public int getRpcPort() {
        throw new UnsupportedOperationException("stub");
    }

    /** Blocks until closed. */
    public void awaitTermination() throws InterruptedException {}

    @Override
    public void close() {}
}
