package dev.eddy.runtime.rpc;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Mapping between Java exceptions and gRPC statuses, on both sides of a call. Stateless. */
public final class RpcErrors {
    private RpcErrors() {}

    /**
     * Server side: IllegalArgumentException → INVALID_ARGUMENT, NoSuchElementException → NOT_FOUND,
     * IllegalStateException → FAILED_PRECONDITION, RpcException keeps its code, else INTERNAL; the
     * description is the exception's message.
     */
    public static StatusRuntimeException toStatus(Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof StatusRuntimeException sre) {
            return sre;
        }
        if (t instanceof StatusException se) {
            return se.getStatus().asRuntimeException(se.getTrailers());
        }
        Status status;
        if (t instanceof RpcException rpc) {
            status = Status.fromCode(rpc.getCode());
        } else if (t instanceof IllegalArgumentException) {
            status = Status.INVALID_ARGUMENT;
        } else if (t instanceof NoSuchElementException) {
            status = Status.NOT_FOUND;
        } else if (t instanceof IllegalStateException) {
            status = Status.FAILED_PRECONDITION;
        } else {
            status = Status.INTERNAL;
        }
        String message = t.getMessage() != null ? t.getMessage() : t.getClass().getName();
        return status.withDescription(message).asRuntimeException();
    }

    /**
     * Client side: a failed call's exception as an {@link RpcException}; non-gRPC errors are
     * returned unwrapped as they are.
     */
    public static Throwable fromStatus(Throwable error, String address) {
        Throwable t = unwrap(error);
        Status status;
        if (t instanceof StatusRuntimeException sre) {
            status = sre.getStatus();
        } else if (t instanceof StatusException se) {
            status = se.getStatus();
        } else {
            return t;
        }
        String detail = status.getDescription();
        if (detail == null && status.getCause() != null) {
            detail = String.valueOf(status.getCause().getMessage());
        }
        if (detail == null) {
            detail = status.getCode().name();
        }
        if (status.getCode() == Status.Code.UNAVAILABLE || status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
            Throwable cause = status.getCause();
            if (cause != null && cause.getMessage() != null && !detail.contains(cause.getMessage())) {
                detail = detail + " (" + cause.getMessage() + ")";
            }
            return new RpcException(status.getCode(), "Cannot reach " + address + ": " + detail
                    + "; check that the process is running and the address is right", t);
        }
        return new RpcException(status.getCode(), detail, t);
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
