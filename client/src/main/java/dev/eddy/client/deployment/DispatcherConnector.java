package dev.eddy.client.deployment;

/**
 * Opens connections to a dispatcher at "host:port". Opening is lazy (no network I/O), so an
 * unreachable JobManager shows up as a failed call on the gateway. Implementations are thread-safe.
 */
@FunctionalInterface
public interface DispatcherConnector {
    DispatcherConnection connect(String hostAndPort);
}
