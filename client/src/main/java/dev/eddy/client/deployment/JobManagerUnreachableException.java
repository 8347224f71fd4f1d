package dev.eddy.client.deployment;

/** The JobManager at an address did not answer (connection refused, unknown host, timeout). */
public class JobManagerUnreachableException extends Exception {
    private static final long serialVersionUID = 1L;

    public JobManagerUnreachableException(String address, Throwable cause) {
        super("Could not connect to the JobManager at " + address + ": " + RpcErrors.describe(cause)
                + ". Check that the JobManager is running and that -m / jobmanager.rpc.address and jobmanager.rpc.port"
                + " point at it.", cause);
    }
}
