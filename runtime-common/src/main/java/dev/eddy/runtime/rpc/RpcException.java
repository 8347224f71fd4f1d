package dev.eddy.runtime.rpc;

import io.grpc.Status;

/**
 * A failed control-plane call as a client gateway reports it: the gRPC status code and a message
 * meant for the user (the server's description, or "Cannot reach host:port: ..." when the peer
 * could not be reached in time). Immutable.
 */
public class RpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Status.Code code;

    public RpcException(Status.Code code, String message) {
        this(code, message, null);
    }

    public RpcException(Status.Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Status.Code getCode() {
        return code;
    }

    /** True when the peer was unreachable or too slow; the call may be retried. */
    public boolean isUnreachable() {
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
    }
}
