package dev.eddy.runtime.taskmanager;

import dev.eddy.configuration.Configuration;

/** A running TaskManager process core. STUB: completed by the taskexecutor work package. */
public final class TaskManagerRunner implements AutoCloseable {
    /** Starts the TaskExecutor gRPC service, the data plane, and registers at jobmanager.rpc.address:port. */
    public static TaskManagerRunner start(Configuration configuration) throws Exception {
        throw new UnsupportedOperationException("stub");
    }

    public String getTaskManagerId() {
        throw new UnsupportedOperationException("stub");
    }

    /** Blocks until closed. */
    public void awaitTermination() throws InterruptedException {}

    @Override
    public void close() {}
}
