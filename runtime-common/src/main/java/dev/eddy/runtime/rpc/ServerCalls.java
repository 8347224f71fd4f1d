package dev.eddy.runtime.rpc;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/** Server-side glue: completes a gRPC response from a gateway future without blocking. */
final class ServerCalls {
    private ServerCalls() {}

    /**
     * Calls the gateway (a synchronous throw counts as a failure) and answers when its future
     * completes, on whichever thread completes it.
     */
    static <T, R> void reply(Supplier<CompletableFuture<T>> call, Function<T, R> toResponse, StreamObserver<R> observer) {
        CompletableFuture<T> future;
        try {
            future = call.get();
        } catch (RuntimeException e) {
            observer.onError(RpcErrors.toStatus(e));
            return;
        }
        if (future == null) {
            observer.onError(RpcErrors.toStatus(new IllegalStateException("The gateway returned no result")));
            return;
        }
        future.whenComplete((value, error) -> {
            if (error != null) {
                observer.onError(RpcErrors.toStatus(error));
                return;
            }
            R response;
            try {
                response = toResponse.apply(value);
            } catch (RuntimeException e) {
                observer.onError(RpcErrors.toStatus(e));
                return;
            }
            observer.onNext(response);
            observer.onCompleted();
        });
    }

    static <T> void reply(Supplier<CompletableFuture<T>> call, StreamObserver<T> observer) {
        reply(call, Function.identity(), observer);
    }
}
