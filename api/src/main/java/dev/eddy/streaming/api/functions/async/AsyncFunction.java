package dev.eddy.streaming.api.functions.async;

import dev.eddy.api.common.functions.Function;
import java.util.concurrent.TimeoutException;

/**
 * A function that starts an asynchronous request per input element and later hands its results to
 * a {@link ResultFuture}. Used through {@code AsyncDataStream.orderedWait}/{@code unorderedWait}.
 *
 * <p>Threading: {@link #asyncInvoke} and {@link #timeout} are called on the task thread and must
 * not block it: start the request (e.g. on a client's own threads or an executor) and return. The
 * {@link ResultFuture} may be completed from any thread, exactly once; later completions are
 * ignored.
 *
 * @param <IN> the input type
 * @param <OUT> the type of the results
 */
public interface AsyncFunction<IN, OUT> extends Function {
    /**
     * Starts the asynchronous request for {@code input}; complete {@code resultFuture} with the
     * results (an empty collection for none) or an exception. An exception thrown here fails the job.
     */
    void asyncInvoke(IN input, ResultFuture<OUT> resultFuture) throws Exception;

    /**
     * The request for {@code input} did not complete within the operator's timeout (which covers all
     * retry attempts). By default {@code resultFuture} completes exceptionally with a
     * {@link TimeoutException}, which fails the job; override it to emit a fallback instead (e.g.
     * {@code resultFuture.complete(List.of(fallback))}). Task thread.
     */
    default void timeout(IN input, ResultFuture<OUT> resultFuture) throws Exception {
        resultFuture.completeExceptionally(new TimeoutException("Async function call has timed out for input " + input
                + ": complete the ResultFuture sooner, raise the timeout, or override AsyncFunction.timeout to emit a fallback"));
    }
}
