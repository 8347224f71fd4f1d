package dev.eddy.client.deployment;

import dev.eddy.runtime.gateway.DispatcherGateway;

/** An open connection to a JobManager's dispatcher. Thread-safe; close releases the channel. */
public interface DispatcherConnection extends AutoCloseable {
    DispatcherGateway gateway();

    /** The "host:port" this connection goes to, for messages. */
    String address();

    @Override
    void close();
}
