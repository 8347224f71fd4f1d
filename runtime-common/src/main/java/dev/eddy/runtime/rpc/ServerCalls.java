package dev.eddy.runtime.rpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Server-side glue: completes a gRPC response from a gateway future without blocking. */
final class ServerCalls {
    private static final Logger LOG = LoggerFactory.getLogger(ServerCalls.class);

    private ServerCalls() {}

    /** Maps to a status; unexpected errors (INTERNAL) are logged with their stack trace here, once. */
    static StatusRuntimeException failure(Throwable error) {
        StatusRuntimeException status = RpcErrors.toStatus(error);
        if (status.getStatus().getCode() == Status.Code.INTERNAL) {
            LOG.warn("RPC failed with an unexpected error: {}", status.getStatus().getDescription(), RpcErrors.unwrap(error));
        }
        return status;
    }

    /**
     * Calls the gateway (a synchronous throw counts as a failure) and answers when its future
     * completes, on whichever thread completes it.
     */
    static <T, R> void reply(Supplier<CompletableFuture<T>> call, Function<T, R> toResponse, StreamObserver<R> observer) {
        CompletableFuture<T> future;
        try {
            future = call.get();
        } catch (RuntimeException e) {
            observer.onError(failure(e));
            return;
        }
        if (future == null) {
            observer.onError(failure(new IllegalStateException("The gateway returned no result")));
            return;
        }
        future.whenComplete((value, error) -> {
            try {
                answer(value, error, toResponse, observer);
            } catch (RuntimeException e) {
                // The call was cancelled or timed out meanwhile; the gateway's thread must not see this.
                LOG.debug("Could not answer an RPC: {}", e.toString());
            }
        });
    }

    private static <T, R> void answer(T value, Throwable error, Function<T, R> toResponse, StreamObserver<R> observer) {
        if (error != null) {
            observer.onError(failure(error));
            return;
        }
        R response;
        try {
            response = toResponse.apply(value);
        } catch (RuntimeException e) {
            observer.onError(failure(e));
            return;
        }
        observer.onNext(response);
        observer.onCompleted();
    }

    static <T> void reply(Supplier<CompletableFuture<T>> call, StreamObserver<T> observer) {
        reply(call, Function.identity(), observer);
    }
}
