package dev.eddy.runtime.rpc;

import java.time.Duration;

/** Deadlines of control-plane calls. */
public final class RpcTimeouts {
    /** Default deadline of a unary call. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
    /** Lower bound of the deadline of a jar upload or download. */
    public static final Duration MIN_TRANSFER_TIMEOUT = Duration.ofMinutes(10);

    private RpcTimeouts() {}

    /** Deadline for streaming a jar: the call timeout, but at least {@link #MIN_TRANSFER_TIMEOUT}. */
    public static Duration transferTimeout(Duration callTimeout) {
        return callTimeout.compareTo(MIN_TRANSFER_TIMEOUT) > 0 ? callTimeout : MIN_TRANSFER_TIMEOUT;
    }
}
