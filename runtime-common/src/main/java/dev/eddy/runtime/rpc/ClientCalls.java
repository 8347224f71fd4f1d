package dev.eddy.runtime.rpc;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/** Client-side glue: a unary async call as a CompletableFuture with errors mapped to {@link RpcException}. */
final class ClientCalls {
    private ClientCalls() {}

    static <R, T> CompletableFuture<T> unary(String address, Consumer<StreamObserver<R>> call, Function<R, T> fromResponse) {
        CompletableFuture<T> result = new CompletableFuture<>();
        StreamObserver<R> observer = new StreamObserver<>() {
            private R response;

            @Override
            public void onNext(R value) {
                response = value;
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(RpcErrors.fromStatus(t, address));
            }

            @Override
            public void onCompleted() {
                if (response == null) {
                    result.completeExceptionally(new RpcException(io.grpc.Status.Code.INTERNAL,
                            "The peer at " + address + " answered without a response message"));
                    return;
                }
                try {
                    result.complete(fromResponse.apply(response));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        };
        try {
            call.accept(observer);
        } catch (RuntimeException e) {
            result.completeExceptionally(RpcErrors.fromStatus(e, address));
        }
        return result;
    }

    static <R> CompletableFuture<R> unary(String address, Consumer<StreamObserver<R>> call) {
        return unary(address, call, Function.identity());
    }
}
