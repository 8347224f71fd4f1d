package dev.eddy.client.deployment;

import io.grpc.Status;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Classifies failures of calls to the JobManager. Stateless. */
public final class RpcErrors {
    private RpcErrors() {}

    /** Unwraps CompletionException / ExecutionException layers. */
    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** True when the failure means "nobody answered at that address", not "the JobManager said no". */
    public static boolean isUnreachable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ConnectException || c instanceof UnknownHostException || c instanceof UnresolvedAddressException
                    || c instanceof TimeoutException) {
                return true;
            }
        }
        Status.Code code = Status.fromThrowable(t).getCode();
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
    }

    /** The most useful one-line text of a failure: the innermost message that is not empty. */
    public static String describe(Throwable t) {
        Throwable u = unwrap(t);
        Status status = Status.fromThrowable(u);
        if (status.getCode() != Status.Code.UNKNOWN && status.getDescription() != null) {
            Throwable root = rootCause(u);
            String rootText = root != u && root.getMessage() != null ? " (" + root.getMessage() + ")" : "";
            return status.getCode() + ": " + status.getDescription() + rootText;
        }
        return u.getMessage() != null ? u.getMessage() : u.toString();
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
